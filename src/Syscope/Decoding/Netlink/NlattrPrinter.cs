using System.Buffers.Binary;
using Syscope.Decoding.Constants;
using Syscope.Events;

namespace Syscope.Decoding.Netlink;

/// <summary>Which attribute set a run of netlink attributes belongs to: it names the types and
/// picks each value's decoder.</summary>
internal enum AttrTable : byte
{
    None, ErrorAck, Addr, Route, RouteMetrics, Link, LinkXdp, Neigh, Rule, InetDiag, UnixDiag, NetlinkDiag,
    Tc, TcAction, NeighTable, AddrLabel, Dcb, Netconf, Mdb, Nsid, Stats, CacheReport4, CacheReport6, Nexthop, TcStab, TcStats,
    LinkBridgePort, LinkInet6, NexthopResGroup, NexthopResBucket
}

/// <summary>
/// Netlink attributes (struct nlattr and its value) as strace prints them: one as
/// "[{nla_len=8, nla_type=IFA_ADDRESS}, value]", several as an array of those cut after -s
/// unless -v; a value with no decoder, or too short for its decoder, is a hex string.
/// </summary>
internal static class NlattrPrinter
{
    private const int HeaderLength = 4;

    /// <param name="family">The address family of the enclosing message, for address values.</param>
    public static void Attributes(ref DecodeContext c, ReadOnlySpan<byte> data, AttrTable table, byte family)
    {
        var w = c.Out;
        bool array = false;
        for (int elt = 0; ; elt++)
        {
            if (data.Length < HeaderLength)
            {
                if (!data.IsEmpty) NetlinkPrinter.HexString(ref c, data);
                break;
            }
            if (NetlinkBuffer.PrintedUnreadElement(w, data, HeaderLength, elt == 0)) break;
            if (!c.Unabbreviated && elt == c.Options.StringLimit) { w.Raw("..."u8); break; }
            ushort len = BinaryPrimitives.ReadUInt16LittleEndian(data);
            int aligned = (len + 3) & ~3;
            int next = len >= HeaderLength && data.Length >= aligned ? data.Length - aligned : 0;
            if (!array && next > 0) { w.Raw((byte)'['); array = true; }
            One(ref c, data[..Math.Min(len, data.Length)], BinaryPrimitives.ReadUInt16LittleEndian(data[2..]), len, table, family);
            if (next == 0) break;
            w.Raw(", "u8);
            data = data[aligned..];
        }
        if (array) w.Raw((byte)']');
    }

    /// <summary>A value that is itself a run of attributes: an attribute value decoder's answer.</summary>
    public static bool Nested(ref DecodeContext c, ReadOnlySpan<byte> v, AttrTable table, byte family)
    {
        Attributes(ref c, v, table, family);
        return true;
    }

    private static void One(ref DecodeContext c, ReadOnlySpan<byte> attr, ushort type, ushort len, AttrTable table, byte family)
    {
        var w = c.Out;
        bool withValue = attr.Length > HeaderLength;
        if (withValue) w.Raw((byte)'[');
        w.Raw("{nla_len="u8).UInt(len).Raw(", nla_type="u8);
        if ((type & 0xc000) != 0)
        {
            NetlinkConstants.AttrFlags.Print(w, type & 0xc000UL);
            w.Raw((byte)'|');
        }
        if (table == AttrTable.None) w.Hex(type & 0x3fffUL);
        else Names(table).Print(w, type & 0x3fffUL);
        w.Raw((byte)'}');
        if (!withValue) return;
        w.Raw(", "u8);
        var value = attr[HeaderLength..];
        bool done = table switch
        {
            AttrTable.None => false,
            AttrTable.ErrorAck => ErrorAckValue(ref c, type & 0x3fff, value),
            AttrTable.InetDiag => SockDiagPrinter.AttrValue(ref c, type & 0x3fff, value),
            AttrTable.UnixDiag => LocalDiagPrinter.UnixAttrValue(ref c, type & 0x3fff, value),
            AttrTable.NetlinkDiag => LocalDiagPrinter.NetlinkAttrValue(ref c, type & 0x3fff, value),
            _ => RtnetlinkPrinter.AttrValue(ref c, table, type & 0x3fff, value, family),
        };
        if (!done) NetlinkPrinter.HexString(ref c, value);
        w.Raw((byte)']');
    }

    private static ValueSet Names(AttrTable table) => RouteMessages.Names(table) ?? table switch
    {
        AttrTable.ErrorAck => NetlinkConstants.ErrAttrs,
        AttrTable.Addr => RtnetlinkConstants.AddrAttrs,
        AttrTable.Route => RtnetlinkConstants.RouteAttrs,
        AttrTable.RouteMetrics => RtnetlinkConstants.Metrics,
        AttrTable.Link => RtnetlinkConstants.LinkAttrs,
        AttrTable.LinkXdp => RtnetlinkConstants.XdpAttrs,
        AttrTable.LinkBridgePort => LinkNestedConstants.BridgePortAttrs,
        AttrTable.LinkInet6 => LinkNestedConstants.Inet6Attrs,
        AttrTable.Neigh => RtnetlinkConstants.NeighAttrs,
        AttrTable.Rule => RtnetlinkConstants.RuleAttrs,
        AttrTable.UnixDiag => SockDiagConstants.UnixAttrs,
        AttrTable.NetlinkDiag => SockDiagConstants.NetlinkAttrs,
        _ => SockDiagConstants.InetDiagAttrs,
    };

    private static bool ErrorAckValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v) => type switch
    {
        1 => Str(ref c, v),
        2 => U32(c.Out, v),
        3 => Array(ref c, v, 1, U8Element),
        _ => false,
    };

    /// <summary>For a structure value of size bytes: false (print it as hex) when the value is
    /// shorter, true after printing its address when it cannot be read, null to decode it.
    /// Use: <c>if (NlattrPrinter.Unfit(w, v, 16) is bool r) return r;</c></summary>
    public static bool? Unfit(ArgWriter w, ReadOnlySpan<byte> v, int size)
    {
        if (v.Length < size) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, size)) return true;
        return null;
    }

    /// <summary>An array of size-byte elements as strace prints one: whole elements only (hex
    /// when there is none), an unreadable one as "... /* 0x... */", cut after -s unless -v.</summary>
    public static bool Array(ref DecodeContext c, ReadOnlySpan<byte> v, int size, ElementPrinter element)
    {
        if (v.Length < size) return false;
        var w = c.Out;
        w.Raw((byte)'[');
        for (int i = 0, n = v.Length / size; i < n; i++)
        {
            if (i > 0) w.Raw(", "u8);
            if (!c.Unabbreviated && i == c.Options.StringLimit) { w.Raw("..."u8); break; }
            var e = v.Slice(i * size, size);
            if (NetlinkBuffer.PrintedUnreadElement(w, e, size, false)) break;
            element(w, e);
        }
        w.Raw((byte)']');
        return true;
    }

    /// <summary>An array of u32 or u64 counters indexed by a set of names, as strace prints one:
    /// [[DEVCONF_FORWARDING]=1, [6 /* ICMP6_MIB_??? */]=0]; index names show their numbers in
    /// decimal under -X, and the set is built with decimal unknowns.</summary>
    public static bool IndexedArray(ref DecodeContext c, ReadOnlySpan<byte> v, int size, bool signed, ValueSet indices)
    {
        if (v.Length < size) return false;
        var w = c.Out;
        if (NetlinkBuffer.PrintedAddress(w, v, size)) return true;
        w.Raw((byte)'[');
        for (int i = 0, n = v.Length / size; i < n; i++)
        {
            if (i > 0) w.Raw(", "u8);
            if (!c.Unabbreviated && i == c.Options.StringLimit) { w.Raw("..."u8); break; }
            var e = v.Slice(i * size, size);
            if (NetlinkBuffer.PrintedUnreadElement(w, e, size, false)) break;
            w.Raw((byte)'[');
            if (indices.TryName((ulong)i, out var name))
            {
                var mark = w.BeginConst();
                w.ConstName(name);
                w.EndConst(mark, (ulong)i, NumberBase.Decimal);
            }
            else indices.Print(w, (ulong)i);
            w.Raw("]="u8);
            ulong u = size == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(e) : BinaryPrimitives.ReadUInt32LittleEndian(e);
            if (signed) w.Int(size == 8 ? (long)u : (int)u); else w.UInt(u);
        }
        w.Raw((byte)']');
        return true;
    }

    public delegate void ElementPrinter(ArgWriter w, ReadOnlySpan<byte> e);

    public static readonly ElementPrinter U8Element = (w, e) => w.UInt(e[0]);
    public static readonly ElementPrinter U16Element = (w, e) => w.UInt(BinaryPrimitives.ReadUInt16LittleEndian(e));
    public static readonly ElementPrinter U32Element = (w, e) => w.UInt(BinaryPrimitives.ReadUInt32LittleEndian(e));

    /// <summary>An integer of size bytes at the value's start (a longer value is still decoded, as
    /// strace does; a shorter one prints as hex).</summary>
    private static bool Number(ArgWriter w, ReadOnlySpan<byte> v, int size, NlStruct.Kind kind)
    {
        if (v.Length < size) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, size)) return true;
        NlStruct.Number(w, v[..size], kind);
        return true;
    }

    public static bool U8(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 1, NlStruct.Kind.Unsigned);

    public static bool U16(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 2, NlStruct.Kind.Unsigned);

    public static bool X16(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 2, NlStruct.Kind.Hex);

    /// <summary>A clock_t count of ticks: a value of up to 8 bytes is read as a little-endian
    /// number of its size (strace reads it into a zeroed u64), a longer one prints as hex.</summary>
    public static bool ClockTicks(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (v.Length is < 1 or > 8) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, v.Length)) return true;
        Span<byte> wide = stackalloc byte[8];
        wide.Clear();
        v.CopyTo(wide);
        TimePrinters.ClockTicks(w, BinaryPrimitives.ReadUInt64LittleEndian(wide));
        return true;
    }

    /// <summary>A one- or two-byte value by name.</summary>
    public static bool Named(ArgWriter w, ReadOnlySpan<byte> v, int size, ValueSet names)
    {
        if (v.Length < size) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, size)) return true;
        names.Print(w, size == 1 ? v[0] : BinaryPrimitives.ReadUInt16LittleEndian(v));
        return true;
    }

    public static bool U32(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 4, NlStruct.Kind.Unsigned);

    public static bool S32(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 4, NlStruct.Kind.Signed);

    public static bool U64(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 8, NlStruct.Kind.Unsigned);

    public static bool Flags32(ArgWriter w, ReadOnlySpan<byte> v, FlagSet set)
    {
        if (v.Length < 4) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, 4)) return true;
        set.Print(w, BinaryPrimitives.ReadUInt32LittleEndian(v));
        return true;
    }

    /// <summary>A NUL-terminated string inside the attribute, cut at -s.</summary>
    public static bool Str(ref DecodeContext c, ReadOnlySpan<byte> v)
    {
        int limit = c.Options.StringLimit;
        if (NetlinkBuffer.PrintedAddress(c.Out, v, Math.Min(v.Length, limit))) return true;
        int nul = v.IndexOf((byte)0);
        if (nul >= 0 && nul <= limit) { c.Out.Quoted(v[..nul], c.Options.HexStrings, false); return true; }
        int end = nul >= 0 ? nul : v.Length;
        // Without its NUL the string ends with "...", as strace marks one it could not finish.
        c.Out.Quoted(v[..Math.Min(end, limit)], c.Options.HexStrings, end > limit || nul < 0);
        return true;
    }

    public static bool IfIndex(IHostFacts? host, ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (v.Length < 4) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, 4)) return true;
        IfIndexValue(host, w, BinaryPrimitives.ReadUInt32LittleEndian(v));
        return true;
    }

    /// <summary>An interface index by name when the traced system knows it: if_nametoindex("lo").</summary>
    public static void IfIndexValue(IHostFacts? host, ArgWriter w, uint index)
    {
        Span<byte> name = stackalloc byte[16];
        int n = index == 0 || host == null ? 0 : host.InterfaceName(index, name);
        if (n == 0) { w.UInt(index); return; }
        var mark = w.BeginConst();
        w.Raw("if_nametoindex(\""u8).Escaped(name[..n], 0).Raw("\")"u8);
        w.EndConst(mark, index, NumberBase.Decimal);
    }

    /// <summary>An address by the message's family: inet_addr("1.2.3.4"), inet_pton(AF_INET6, "::1").</summary>
    public static bool InetAddr(ArgWriter w, ReadOnlySpan<byte> v, byte family)
    {
        int size = family == NetConstants.AF_INET ? 4 : family == NetConstants.AF_INET6 ? 16 : 0;
        if (size == 0 || v.Length < size) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, size)) return true;
        if (!OpenDecoded(w, v[..size], out var outer)) return true;
        if (size == 4)
        {
            w.Raw("inet_addr(\""u8);
            SockaddrPrinter.Ipv4(w, v[..4]);
        }
        else
        {
            w.Raw("inet_pton(AF_INET6, \""u8);
            SockaddrPrinter.Ipv6(w, v[..16]);
        }
        w.Raw("\")"u8);
        CloseDecoded(w, outer);
        return true;
    }

    /// <summary>A hardware address: 02:fc:00:00:00:01.</summary>
    public static bool HwAddr(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (NetlinkBuffer.PrintedAddress(w, v, v.Length)) return true;
        if (!OpenDecoded(w, v, out var outer)) return true;
        for (int i = 0; i < v.Length; i++)
        {
            if (i > 0) w.Raw((byte)':');
            if (v[i] < 16) w.Raw((byte)'0');
            w.Hex16(v[i]);
        }
        CloseDecoded(w, outer);
        return true;
    }

    /// <summary>Values strace decodes from raw bytes (addresses, ports) print, under -X raw, as
    /// those bytes in hex, and under -X verbose as the bytes with the decoded form in a comment;
    /// false when nothing more is to be written.</summary>
    public static bool OpenDecoded(ArgWriter w, ReadOnlySpan<byte> bytes, out ConstStyle outer)
    {
        outer = w.Style;
        if (outer == ConstStyle.Abbrev) return true;
        w.Quoted(bytes, 2, false);
        if (outer == ConstStyle.Raw) return false;
        w.Raw(" /* "u8);
        w.Style = ConstStyle.Abbrev;
        return true;
    }

    public static void CloseDecoded(ArgWriter w, ConstStyle outer)
    {
        if (outer != ConstStyle.Verbose) return;
        w.Style = outer;
        w.Raw(" */"u8);
    }
}
