using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding;

/// <summary>struct sockaddr by family: AF_INET, AF_INET6, AF_UNIX (with "@" for the abstract
/// namespace), AF_NETLINK; other families show their raw sa_data.</summary>
internal static class SockaddrPrinter
{
    private const int MaxLen = 128;

    public static void Print(ref DecodeContext c, ulong addr, long len)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (len < 2 || len > MaxLen) { c.Out.Hex(addr); return; }
        Span<byte> sa = stackalloc byte[MaxLen];
        sa = sa[..(int)len];
        if (Printers.ReadStruct(ref c, addr, sa) < len) { c.Out.Hex(addr); return; }
        Value(c.Out, sa, c.Options.HexStrings);
    }

    public static void Value(ArgWriter w, ReadOnlySpan<byte> sa, int hexMode)
    {
        int family = BinaryPrimitives.ReadUInt16LittleEndian(sa);
        w.BeginStruct().Field("sa_family"u8);
        NetConstants.Families.Print(w, (ulong)family);
        var data = sa[2..];
        switch (family)
        {
            case NetConstants.AF_INET when sa.Length >= 16 && w.Style != ConstStyle.Abbrev:
                InetBytes(w, data);
                break;
            case NetConstants.AF_INET6 when sa.Length >= 24 && w.Style != ConstStyle.Abbrev:
                Inet6Bytes(w, data, sa.Length);
                break;
            case NetConstants.AF_INET when sa.Length >= 16:
                Wrapped(w.Field("sin_port"u8), "htons("u8, BinaryPrimitives.ReadUInt16BigEndian(data));
                Address(w.Field("sin_addr"u8), "inet_addr(\""u8, data.Slice(2, 4), "\")"u8);
                break;
            case NetConstants.AF_INET6 when sa.Length >= 24:
                Wrapped(w.Field("sin6_port"u8), "htons("u8, BinaryPrimitives.ReadUInt16BigEndian(data));
                Wrapped(w.Field("sin6_flowinfo"u8), "htonl("u8, BinaryPrimitives.ReadUInt32BigEndian(data[2..]));
                // strace writes the address as the call that would set it, with no "name=".
                Address(w.Field("sin6_addr"u8, inText: false), "inet_pton(AF_INET6, \""u8, data.Slice(6, 16), "\", &sin6_addr)"u8);
                if (sa.Length >= 28) w.Field("sin6_scope_id"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(data[22..]));
                break;
            case NetConstants.AF_UNIX:
                Unix(w, data, hexMode);
                break;
            case NetConstants.AF_NETLINK when sa.Length >= 12:
                // Padding a caller left uninitialised is shown, as strace does, only when non-zero.
                ushort pad = BinaryPrimitives.ReadUInt16LittleEndian(data);
                if (pad != 0) w.Field("nl_pad"u8).Hex(pad);
                w.Field("nl_pid"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(data[2..]));
                w.Field("nl_groups"u8);
                PercentHash08x(w, BinaryPrimitives.ReadUInt32LittleEndian(data[6..]));
                break;
            default:
                if (data.Length > 0) w.Field("sa_data"u8).Quoted(data, hexMode, false);
                break;
        }
        w.EndStruct();
    }

    /// <summary>"htons(80)": the number is the field's value for --json.</summary>
    private static void Wrapped(ArgWriter w, ReadOnlySpan<byte> call, uint value)
    {
        int start = w.Length;
        w.Raw(call).UInt(value).Raw((byte)')');
        w.MarkNumber(start, value);
    }

    /// <summary>inet_addr("127.0.0.1"): the address in its text form is the field's value for --json.</summary>
    internal static void Address(ArgWriter w, ReadOnlySpan<byte> before, ReadOnlySpan<byte> address, ReadOnlySpan<byte> after)
    {
        int start = w.Length;
        w.Raw(before);
        int text = w.Length;
        if (address.Length == 4) Ipv4(w, address); else Ipv6(w, address);
        int end = w.Length;
        w.Raw(after);
        w.MarkText(start, text, end);
    }

    /// <summary>-X raw and verbose show ports and addresses as the bytes they are, verbose with
    /// the abbrev-style reading in a comment: sin_port="\x1f\x90" /* htons(8080) */.</summary>
    private static void InetBytes(ArgWriter w, ReadOnlySpan<byte> data)
    {
        bool verbose = w.Style == ConstStyle.Verbose;
        w.Field("sin_port"u8).Quoted(data[..2], 2, false);
        if (verbose) w.Raw(" /* htons("u8).UInt(BinaryPrimitives.ReadUInt16BigEndian(data)).Raw(") */"u8);
        w.Field("sin_addr"u8).Quoted(data.Slice(2, 4), 2, false);
        if (verbose) { w.Raw(" /* inet_addr(\""u8); Ipv4(w, data.Slice(2, 4)); w.Raw("\") */"u8); }
    }

    private static void Inet6Bytes(ArgWriter w, ReadOnlySpan<byte> data, int length)
    {
        bool verbose = w.Style == ConstStyle.Verbose;
        w.Field("sin6_port"u8).Quoted(data[..2], 2, false);
        if (verbose) w.Raw(" /* htons("u8).UInt(BinaryPrimitives.ReadUInt16BigEndian(data)).Raw(") */"u8);
        w.Field("sin6_flowinfo"u8).Quoted(data.Slice(2, 4), 2, false);
        if (verbose) w.Raw(" /* htonl("u8).UInt(BinaryPrimitives.ReadUInt32BigEndian(data[2..])).Raw(") */"u8);
        w.Field("sin6_addr"u8).Quoted(data.Slice(6, 16), 2, false);
        if (verbose) { w.Raw(" /* inet_pton(AF_INET6, \""u8); Ipv6(w, data.Slice(6, 16)); w.Raw("\") */"u8); }
        if (length >= 28) w.Field("sin6_scope_id"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(data[22..]));
    }

    private static void Unix(ArgWriter w, ReadOnlySpan<byte> path, int hexMode)
    {
        if (path.Length == 0) return;
        w.Field("sun_path"u8);
        // The abstract namespace: "@" and the name after its NUL; the value keeps the NUL.
        if (path[0] == 0 && path.Length > 1) { int start = w.Length; w.Raw((byte)'@'); w.Quoted(path[1..], hexMode, false); w.MarkBytes(start, path, ValueKind.Path); return; }
        int nul = path.IndexOf((byte)0);
        w.Quoted(nul >= 0 ? path[..nul] : path, hexMode, false, ValueKind.Path);
    }

    /// <summary>C's %#08x: "0x000005", but "00000000" for zero (the # adds no prefix to zero).</summary>
    private static void PercentHash08x(ArgWriter w, uint v)
    {
        int start = w.Length;
        Digits(w, v);
        w.MarkNumber(start, v);
    }

    private static void Digits(ArgWriter w, uint v)
    {
        if (v == 0) { w.Raw("00000000"u8); return; }
        w.Raw("0x"u8);
        int digits = Math.Max(6, (32 - System.Numerics.BitOperations.LeadingZeroCount(v) + 3) / 4);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        {
            int d = (int)(v >> shift) & 15;
            w.Raw((byte)(d < 10 ? '0' + d : 'a' + d - 10));
        }
    }

    public static void Ipv4(ArgWriter w, ReadOnlySpan<byte> a)
    {
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) w.Raw((byte)'.');
            w.UInt(a[i]);
        }
    }

    /// <summary>inet_ntop's text form: the longest run of two or more zero groups becomes "::",
    /// and IPv4-mapped addresses end in dotted quad.</summary>
    public static void Ipv6(ArgWriter w, ReadOnlySpan<byte> a)
    {
        Span<ushort> g = stackalloc ushort[8];
        for (int i = 0; i < 8; i++) g[i] = BinaryPrimitives.ReadUInt16BigEndian(a[(i * 2)..]);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8;)
        {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        bool mapped = bestStart == 0 && (bestLen == 6 || (bestLen == 5 && g[5] == 0xffff));
        int groups = mapped ? 6 : 8;
        for (int i = 0; i < groups; i++)
        {
            if (i == bestStart)
            {
                w.Raw(i == 0 ? "::"u8 : ":"u8);
                i += bestLen - 1;
                continue;
            }
            w.Hex16(g[i]);
            if (i < groups - 1) w.Raw((byte)':');
        }
        if (mapped)
        {
            if (bestLen == 5) w.Raw((byte)':');
            Ipv4(w, a[12..]);
        }
    }
}
