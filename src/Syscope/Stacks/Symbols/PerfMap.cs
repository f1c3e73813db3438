using System.Globalization;
using Syscope.Text;

namespace Syscope.Stacks.Symbols;

/// <summary>
/// A JIT's /tmp/perf-PID.map ("START SIZE name" in hex, one method a line: .NET with
/// DOTNET_PerfMapEnabled=1, node --perf-basic-prof, perf-map-agent), read again whenever it has
/// grown since the last read.
/// </summary>
internal sealed class PerfMap(int pid)
{
    private readonly record struct Method(ulong Start, ulong Size, string Name);

    private Method[] _methods = [];
    private long _readLength = -1;

    public string Path { get; } = $"/tmp/perf-{pid}.map";

    public bool TryFind(ulong address, out SymbolMatch match)
    {
        match = default;
        var info = new FileInfo(Path);
        if (!info.Exists) return false;
        if (info.Length != _readLength) Read(info.Length);
        int lo = 0, hi = _methods.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_methods[mid].Start <= address) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        // Later lines win for one start (a method re-jitted at a reused address).
        for (int i = found; i >= 0 && i > found - 8; i--)
        {
            if (address - _methods[i].Start < _methods[i].Size)
            {
                match = new SymbolMatch(_methods[i].Name, _methods[i].Start);
                return true;
            }
        }
        return false;
    }

    private void Read(long length)
    {
        _readLength = length;
        byte[] text;
        try { text = File.ReadAllBytes(Path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        var list = new List<Method>();
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            int eol = rest.IndexOf((byte)'\n');
            if (eol < 0) break;   // a line still being written
            var line = rest[..eol];
            rest = rest[(eol + 1)..];
            int a = line.IndexOf((byte)' ');
            if (a < 0) continue;
            int b = line[(a + 1)..].IndexOf((byte)' ');
            if (b < 0) continue;
            var startText = line[..a];
            if (startText.StartsWith("0x"u8)) startText = startText[2..];   // .NET writes the prefix, node does not
            if (!ulong.TryParse(startText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong start)
                || !ulong.TryParse(line.Slice(a + 1, b), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong size)) continue;
            string name = UntrustedText.Decode(line[(a + b + 2)..]);
            list.Add(new Method(start, size, UntrustedText.NeedsEscape(name) ? UntrustedText.Escape(name) : name));
        }
        _methods = list.Select((m, i) => (m, i)).OrderBy(x => x.m.Start).ThenBy(x => x.i).Select(x => x.m).ToArray();
    }
}
