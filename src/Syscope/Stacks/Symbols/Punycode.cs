using System.Text;

namespace Syscope.Stacks.Symbols;

/// <summary>
/// Punycode (RFC 3492) as Rust's v0 mangling uses it for non-ASCII identifiers: the basic
/// characters, then "_" (where RFC 3492 has "-"), then the encoded insertions.
/// </summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    public static string? Decode(string encoded)
    {
        int split = encoded.LastIndexOf('_');
        var output = new List<int>();
        foreach (char c in split < 0 ? "" : encoded[..split]) output.Add(c);
        int pos = split + 1, n = InitialN, bias = InitialBias;
        long i = 0;
        while (pos < encoded.Length)
        {
            long oldI = i, w = 1;
            for (int k = Base; ; k += Base)
            {
                if (pos >= encoded.Length) return null;
                char c = encoded[pos++];
                int digit = c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? c - '0' + 26 : -1;
                if (digit < 0) return null;
                i += digit * w;
                int t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t) break;
                w *= Base - t;
                if (i > int.MaxValue || w > int.MaxValue) return null;
            }
            int count = output.Count + 1;
            bias = Adapt(i - oldI, count, oldI == 0);
            n = checked(n + (int)(i / count));
            i %= count;
            if (n > 0x10FFFF || output.Count > 1000) return null;
            output.Insert((int)i, n);
            i++;
        }
        var text = new StringBuilder();
        foreach (int cp in output)
        {
            if (!Rune.TryCreate(cp, out var r)) return null;
            text.Append(r.ToString());
        }
        return text.ToString();
    }

    private static int Adapt(long delta, int count, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / count;
        int k = 0;
        while (delta > (Base - TMin) * TMax / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return (int)(k + (Base - TMin + 1) * delta / (delta + Skew));
    }
}
