using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Decoding.Netlink;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>struct sockaddr as strace 6.1 prints it: the family, then, when the length reaches
/// the family's structure, its fields (AF_INET, AF_INET6, AF_UNIX with "@" for the abstract
/// namespace, AF_NETLINK here; the others in <see cref="SockaddrFamilies"/>), else the raw sa_data.</summary>
internal static class SockaddrPrinter
{
    /// <summary>sizeof(struct sockaddr_storage): strace reads no more of a longer address.</summary>
    private const int MaxLen = 128;

    public static void Print(ref DecodeContext c, ulong addr, long len)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (len < 2) { c.Out.Hex(addr); return; }
        Span<byte> sa = stackalloc byte[MaxLen];
        sa = sa[..(int)Math.Min(len, MaxLen)];
        if (Printers.ReadStruct(ref c, addr, sa) < sa.Length) { c.Out.Hex(addr); return; }
        Value(ref c, c.Out, sa);
    }

    /// <summary>An address already read; its length is the caller's (at most 128 bytes count).</summary>
    public static void Value(ref DecodeContext c, ArgWriter w, scoped ReadOnlySpan<byte> address)
    {
        // Fields past the given length read as zero, as in strace's zero-filled buffer.
        Span<byte> sa = stackalloc byte[MaxLen];
        sa.Clear();
        int len = Math.Min(address.Length, MaxLen);
        address[..len].CopyTo(sa);
        int family = BinaryPrimitives.ReadUInt16LittleEndian(sa);
        w.BeginStruct().Field("sa_family"u8);
        NetConstants.Families.Print(w, (ulong)family);
        bool more = false;
        if (len > 2 && !SockaddrFamilies.Print(ref c, w, family, sa, len, ref more)) Raw(ref c, w, sa[2..len]);
        w.EndStruct(more);
    }

    /// <summary>A family strace has no printer for, or an address too short for its structure.</summary>
    internal static void Raw(ref DecodeContext c, ArgWriter w, scoped ReadOnlySpan<byte> data) =>
        w.Field("sa_data"u8).Quoted(data, c.Options.HexStrings, false);

    /// <summary>Families printed here; false for one this file does not know or too short a length.</summary>
    internal static bool PrintInet(ref DecodeContext c, ArgWriter w, int family, scoped ReadOnlySpan<byte> sa, int len)
    {
        var data = sa[2..];
        switch (family)
        {
            case NetConstants.AF_INET when len >= 16 && w.Style != ConstStyle.Abbrev:
                InetBytes(w, data);
                return true;
            case NetConstants.AF_INET6 when len >= 24 && w.Style != ConstStyle.Abbrev:
                Inet6Bytes(w, data);
                ScopeId(ref c, w, data, len);
                return true;
            case NetConstants.AF_INET when len >= 16:
                Wrapped(w.Field("sin_port"u8), "htons("u8, BinaryPrimitives.ReadUInt16BigEndian(data));
                Address(w.Field("sin_addr"u8), "inet_addr(\""u8, data.Slice(2, 4), "\")"u8);
                return true;
            case NetConstants.AF_INET6 when len >= 24:
                Wrapped(w.Field("sin6_port"u8), "htons("u8, BinaryPrimitives.ReadUInt16BigEndian(data));
                Wrapped(w.Field("sin6_flowinfo"u8), "htonl("u8, BinaryPrimitives.ReadUInt32BigEndian(data[2..]));
                // strace writes the address as the call that would set it, with no "name=".
                Address(w.Field("sin6_addr"u8, inText: false), "inet_pton(AF_INET6, \""u8, data.Slice(6, 16), "\", &sin6_addr)"u8);
                ScopeId(ref c, w, data, len);
                return true;
            case NetConstants.AF_UNIX when len >= 3:
                Unix(w, data[..(Math.Min(len, 110) - 2)], c.Options.HexStrings);
                return true;
            case NetConstants.AF_NETLINK when len >= 12:
                var nl = MemoryMarshal.Read<SockaddrNl>(sa);
                // Padding a caller left uninitialised is shown, as strace does, only when non-zero.
                if (nl.Pad != 0) w.Field("nl_pad"u8).Hex(nl.Pad);
                c.PidNotes.Write(w.Field("nl_pid"u8), (int)nl.Pid);
                PercentHash0x(w.Field("nl_groups"u8), nl.Groups, 8);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Past the 24 bytes sin6_scope_id needs not: a link-local address's scope is an
    /// interface, named when the traced system knows it.</summary>
    private static void ScopeId(ref DecodeContext c, ArgWriter w, scoped ReadOnlySpan<byte> data, int len)
    {
        if (len <= 24) return;
        uint scope = BinaryPrimitives.ReadUInt32LittleEndian(data[22..]);
        bool linkLocal = (data[6] == 0xfe && (data[7] & 0xc0) == 0x80) || (data[6] == 0xff && (data[7] & 0xf) == 2);
        if (linkLocal) NlattrPrinter.IfIndexValue(c.Host, w.Field("sin6_scope_id"u8), scope);
        else w.Field("sin6_scope_id"u8).UInt(scope);
    }

    /// <summary>"htons(ETH_P_IP)": a network-order value by name, one constant under -X.</summary>
    internal static void Htons(ArgWriter w, ValueSet names, ushort host)
    {
        var whole = w.BeginFlagsOf(flags: false);
        w.Raw("htons("u8);
        names.Print(w, host);
        w.Raw((byte)')');
        w.EndFlagsOf(whole, host);
    }

    /// <summary>"htons(80)": the number is the field's value for --json.</summary>
    internal static void Wrapped(ArgWriter w, ReadOnlySpan<byte> call, ulong value)
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
    /// the abbrev-style reading in a comment: sin_port="\x1f\x90" /* htons(8080) */.  For --json
    /// the value is the bytes, the comment only in the text.</summary>
    private static void InetBytes(ArgWriter w, ReadOnlySpan<byte> data)
    {
        int end = Bytes(w.Field("sin_port"u8), data[..2]);
        if (end >= 0) w.Raw(" /* htons("u8).UInt(BinaryPrimitives.ReadUInt16BigEndian(data)).Raw(") */"u8).Annotated(end);
        Ipv4Value(w.Field("sin_addr"u8), data.Slice(2, 4));
    }

    /// <summary>An IPv4 address by -X: inet_addr("127.0.0.1"), its bytes, or both.</summary>
    public static void Ipv4Value(ArgWriter w, ReadOnlySpan<byte> a)
    {
        if (w.Style == ConstStyle.Abbrev) { Address(w, "inet_addr(\""u8, a, "\")"u8); return; }
        int end = Bytes(w, a);
        if (end >= 0) { w.Raw(" /* inet_addr(\""u8); Ipv4(w, a); w.Raw("\") */"u8).Annotated(end); }
    }

    private static void Inet6Bytes(ArgWriter w, ReadOnlySpan<byte> data)
    {
        int end = Bytes(w.Field("sin6_port"u8), data[..2]);
        if (end >= 0) w.Raw(" /* htons("u8).UInt(BinaryPrimitives.ReadUInt16BigEndian(data)).Raw(") */"u8).Annotated(end);
        end = Bytes(w.Field("sin6_flowinfo"u8), data.Slice(2, 4));
        if (end >= 0) w.Raw(" /* htonl("u8).UInt(BinaryPrimitives.ReadUInt32BigEndian(data[2..])).Raw(") */"u8).Annotated(end);
        end = Bytes(w.Field("sin6_addr"u8), data.Slice(6, 16));
        if (end >= 0) { w.Raw(" /* inet_pton(AF_INET6, \""u8); Ipv6(w, data.Slice(6, 16)); w.Raw("\") */"u8).Annotated(end); }
    }

    /// <summary>The bytes in hex; where the comment goes under -X verbose (-1 under -X raw).</summary>
    private static int Bytes(ArgWriter w, ReadOnlySpan<byte> data) =>
        w.Quoted(data, 2, false).Style == ConstStyle.Verbose ? w.Length : -1;

    /// <summary>sun_path, at most its 108 bytes: up to its NUL, or "@" and every byte after the
    /// leading NUL of the abstract namespace (the value keeps that NUL).</summary>
    private static void Unix(ArgWriter w, ReadOnlySpan<byte> path, int hexMode)
    {
        w.Field("sun_path"u8);
        if (path[0] == 0) { int start = w.Length; w.Raw((byte)'@'); w.Quoted(path[1..], hexMode, false); w.MarkBytes(start, path, ValueKind.Path); return; }
        int nul = path.IndexOf((byte)0);
        w.Quoted(nul >= 0 ? path[..nul] : path, hexMode, false, ValueKind.Path);
    }

    /// <summary>C's %#0Nx (strace's PRINT_VAL_0X, N twice the field's size): "0x000005", but
    /// "00000000" for zero (the # adds no prefix to zero).</summary>
    internal static void PercentHash0x(ArgWriter w, uint v, int width)
    {
        int start = w.Length;
        if (v == 0) { for (int i = 0; i < width; i++) w.Raw((byte)'0'); }
        else
        {
            w.Raw("0x"u8);
            int digits = Math.Max(width - 2, (32 - System.Numerics.BitOperations.LeadingZeroCount(v) + 3) / 4);
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
            {
                int d = (int)(v >> shift) & 15;
                w.Raw((byte)(d < 10 ? '0' + d : 'a' + d - 10));
            }
        }
        w.MarkNumber(start, v);
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
