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
    LinkBridgePort, LinkInet6, NexthopResGroup, NexthopResBucket, LinkInfo, LinkVfPorts, LinkPort, LinkProtoDownReason, LinkPropList,
    MdbMdb, MdbEntry, MdbEntryExtra, MdbRouter, MdbRouterPort, NeighTableParms, InetDiagReq, NeighFdbExt,
    LinkVfInfoList, LinkVfInfo, LinkVfStats, LinkVfVlanList,
    StatsXstats, StatsBridge, StatsBond, StatsBond3ad, StatsOffload, StatsAfSpec, StatsMpls,
    LinkAfSpec, LinkAfSpecBridge, LinkBridgeVlanTunnel, LinkInet, LinkMctp, PacketDiag, SmcDiag
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
                if (data.IsEmpty) break;
                if (array) w.Element();
                NetlinkPrinter.HexString(ref c, data);
                break;
            }
            bool cut = !c.Unabbreviated && elt == c.Options.StringLimit;
            if (array) NetlinkBuffer.NextElement(w, data, HeaderLength, cut);
            if (NetlinkBuffer.PrintedUnreadElement(w, data, HeaderLength, elt == 0)) break;
            if (cut) { w.Raw("..."u8); break; }
            ushort len = BinaryPrimitives.ReadUInt16LittleEndian(data);
            int aligned = (len + 3) & ~3;
            int next = len >= HeaderLength && data.Length >= aligned ? data.Length - aligned : 0;
            if (!array && next > 0) { w.BeginArray().Element(); array = true; }
            One(ref c, data[..Math.Min(len, data.Length)], BinaryPrimitives.ReadUInt16LittleEndian(data[2..]), len, table, family);
            if (next == 0) break;
            data = data[aligned..];
        }
        if (array) w.EndArray();
    }

    /// <summary>A value that is itself a run of attributes: an attribute value decoder's answer.</summary>
    public static bool Nested(ref DecodeContext c, ReadOnlySpan<byte> v, AttrTable table, byte family)
    {
        Attributes(ref c, v, table, family);
        return true;
    }

    /// <summary>One attribute: its header, a struct whose nla_type is one constant (its NLA_F_*
    /// bits joined to the name); with a value, "[{header}, value]".</summary>
    private static void One(ref DecodeContext c, ReadOnlySpan<byte> attr, ushort type, ushort len, AttrTable table, byte family)
    {
        var w = c.Out;
        bool withValue = attr.Length > HeaderLength;
        if (withValue) w.BeginArray().Element();
        w.BeginStruct().Field("nla_len"u8).UInt(len).Field("nla_type"u8);
        var mark = w.BeginFlagsOf(flags: false);
        if ((type & 0xc000) != 0)
        {
            NetlinkConstants.AttrFlags.Print(w, type & 0xc000UL);
            w.Raw((byte)'|');
        }
        if (table == AttrTable.None) w.Hex(type & 0x3fffUL);
        else Names(table).Print(w, type & 0x3fffUL);
        w.EndFlagsOf(mark, type);
        w.EndStruct();
        if (!withValue) return;
        w.Element();
        var value = attr[HeaderLength..];
        bool done = table switch
        {
            AttrTable.None => false,
            AttrTable.ErrorAck => ErrorAckValue(ref c, type & 0x3fff, value),
            AttrTable.InetDiag => SockDiagPrinter.AttrValue(ref c, type & 0x3fff, value),
            AttrTable.InetDiagReq => SockDiagPrinter.RequestAttrValue(c.Out, type & 0x3fff, value),
            AttrTable.UnixDiag => LocalDiagPrinter.UnixAttrValue(ref c, type & 0x3fff, value),
            AttrTable.NetlinkDiag => LocalDiagPrinter.NetlinkAttrValue(ref c, type & 0x3fff, value),
            AttrTable.PacketDiag => PacketSmcDiagPrinter.PacketAttrValue(ref c, type & 0x3fff, value),
            AttrTable.SmcDiag => PacketSmcDiagPrinter.SmcAttrValue(ref c, type & 0x3fff, value),
            _ => RtnetlinkPrinter.AttrValue(ref c, table, type & 0x3fff, value, family),
        };
        if (!done) NetlinkPrinter.HexString(ref c, value);
        w.EndArray();
    }

    private static ValueSet Names(AttrTable table) => RouteMessages.Names(table) ?? table switch
    {
        AttrTable.ErrorAck => NetlinkConstants.ErrAttrs,
        AttrTable.Addr => RtnetlinkConstants.AddrAttrs,
        AttrTable.Route => RtnetlinkConstants.RouteAttrs,
        AttrTable.RouteMetrics => RtnetlinkConstants.Metrics,
        AttrTable.Link or AttrTable.LinkPropList => RtnetlinkConstants.LinkAttrs,
        AttrTable.LinkInfo => LinkNestedConstants.LinkInfoAttrs,
        AttrTable.LinkVfPorts => LinkNestedConstants.VfPortAttrs,
        AttrTable.LinkVfInfoList => LinkNestedConstants.VfInfoListAttrs,
        AttrTable.LinkVfInfo => LinkNestedConstants.VfInfoAttrs,
        AttrTable.LinkVfStats => LinkNestedConstants.VfStatsAttrs,
        AttrTable.LinkVfVlanList => LinkNestedConstants.VfVlanListAttrs,
        AttrTable.StatsXstats => IfStatsConstants.XstatsTypes,
        AttrTable.StatsBridge => IfStatsConstants.BridgeXstats,
        AttrTable.StatsBond => IfStatsConstants.BondXstats,
        AttrTable.StatsBond3ad => IfStatsConstants.Bond3adStats,
        AttrTable.StatsOffload => IfStatsConstants.OffloadXstats,
        AttrTable.StatsAfSpec or AttrTable.LinkAfSpec => NetConstants.Families,
        AttrTable.LinkAfSpecBridge => LinkNestedConstants.BridgeAfAttrs,
        AttrTable.LinkBridgeVlanTunnel => LinkNestedConstants.BridgeVlanTunnelAttrs,
        AttrTable.LinkInet => LinkNestedConstants.InetAttrs,
        AttrTable.LinkMctp => LinkNestedConstants.MctpAttrs,
        AttrTable.StatsMpls => IfStatsConstants.MplsStats,
        AttrTable.LinkPort => LinkNestedConstants.PortAttrs,
        AttrTable.LinkProtoDownReason => LinkNestedConstants.ProtoDownReasonAttrs,
        AttrTable.LinkXdp => RtnetlinkConstants.XdpAttrs,
        AttrTable.LinkBridgePort => LinkNestedConstants.BridgePortAttrs,
        AttrTable.LinkInet6 => LinkNestedConstants.Inet6Attrs,
        AttrTable.Neigh => RtnetlinkConstants.NeighAttrs,
        AttrTable.NeighFdbExt => RtnetlinkConstants.FdbExtAttrs,
        AttrTable.Rule => RtnetlinkConstants.RuleAttrs,
        AttrTable.UnixDiag => SockDiagConstants.UnixAttrs,
        AttrTable.NetlinkDiag => SockDiagConstants.NetlinkAttrs,
        AttrTable.InetDiagReq => SockDiagConstants.InetDiagReqAttrs,
        AttrTable.PacketDiag => SockDiagConstants.PacketAttrs,
        AttrTable.SmcDiag => SockDiagConstants.SmcAttrs,
        _ => SockDiagConstants.InetDiagAttrs,
    };

    private static bool ErrorAckValue(ref DecodeContext c, int type, ReadOnlySpan<byte> v) => type switch
    {
        1 => Str(ref c, v),
        2 => U32(c.Out, v),
        3 => Array(ref c, v, 1, new NumberElement(NlStruct.Kind.Unsigned)),
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

    /// <summary>An array of size-byte elements as strace prints one: [1, 2].</summary>
    public static bool Array<T>(ref DecodeContext c, ReadOnlySpan<byte> v, int size, T element) where T : struct, IElementPrinter =>
        Elements(ref c, v, size, element, null);

    /// <summary>An array of u32 or u64 counters indexed by a set of names, as strace prints one:
    /// [[DEVCONF_FORWARDING]=1, [6 /* ICMP6_MIB_??? */]=0]; index names show their numbers in
    /// decimal under -X, and the set is built with decimal unknowns.  For --json a structure whose
    /// fields are named by the indices as printed.</summary>
    public static bool IndexedArray(ref DecodeContext c, ReadOnlySpan<byte> v, int size, bool signed, ValueSet indices) =>
        Elements(ref c, v, size, new NumberElement(signed ? NlStruct.Kind.Signed : NlStruct.Kind.Unsigned), indices);

    /// <summary>Whole size-byte elements as strace's print_array prints them: hex when there is
    /// none, the address alone when the first cannot be read, a later one as "... /* 0x... */",
    /// cut after -s unless -v; each labelled by its index in indices ("[NAME]=") when given.</summary>
    private static bool Elements<T>(ref DecodeContext c, ReadOnlySpan<byte> v, int size, T element, ValueSet? indices)
        where T : struct, IElementPrinter
    {
        if (v.Length < size) return false;
        var w = c.Out;
        for (int i = 0, n = v.Length / size; i < n; i++)
        {
            var e = v.Slice(i * size, size);
            if (!NetlinkBuffer.Has(e, size))
            {
                if (i == 0) { w.Hex(NetlinkBuffer.AddressOf(e)); return true; }
                w.Elided();
                NetlinkBuffer.PrintedUnreadElement(w, e, size, false);
                break;
            }
            if (i == 0) { if (indices == null) w.BeginArray(); else w.BeginDesignated(); }
            if (!c.Unabbreviated && i == c.Options.StringLimit) { w.Elided().Raw("..."u8); break; }
            if (indices == null) w.Element(); else Index(w, indices, i);
            element.Print(w, e);
        }
        if (indices == null) w.EndArray(); else w.EndDesignated();
        return true;
    }

    /// <summary>"[DEVCONF_MTU6]=": the index by name, its number in decimal under -X.</summary>
    private static void Index(ArgWriter w, ValueSet indices, int i)
    {
        int start = w.DesignatorStart();
        if (indices.TryName((ulong)i, out var name))
        {
            var mark = w.BeginConst();
            w.ConstName(name);
            w.EndConst(mark, (ulong)i, NumberBase.Decimal);
        }
        else indices.Print(w, (ulong)i);
        w.DesignatorEnd(start);
    }

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

    /// <summary>A one-, two- or four-byte value by name.</summary>
    public static bool Named(ArgWriter w, ReadOnlySpan<byte> v, int size, ValueSet names)
    {
        if (v.Length < size) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, size)) return true;
        names.Print(w, size switch { 1 => v[0], 2 => BinaryPrimitives.ReadUInt16LittleEndian(v), _ => BinaryPrimitives.ReadUInt32LittleEndian(v) });
        return true;
    }

    public static bool U32(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 4, NlStruct.Kind.Unsigned);

    public static bool S32(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 4, NlStruct.Kind.Signed);

    public static bool X32(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 4, NlStruct.Kind.Hex);

    public static bool U64(ArgWriter w, ReadOnlySpan<byte> v) => Number(w, v, 8, NlStruct.Kind.Unsigned);

    public static bool Flags32(ArgWriter w, ReadOnlySpan<byte> v, FlagSet set) => Flags(w, v, 4, set);

    /// <summary>A one-, two- or four-byte set of flags.</summary>
    public static bool Flags(ArgWriter w, ReadOnlySpan<byte> v, int size, FlagSet set)
    {
        if (v.Length < size) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, size)) return true;
        set.Print(w, size switch { 1 => v[0], 2 => BinaryPrimitives.ReadUInt16LittleEndian(v), _ => BinaryPrimitives.ReadUInt32LittleEndian(v) });
        return true;
    }

    /// <summary>A string attribute as strace prints one: its bytes up to -s, NULs inside shown, a
    /// NUL as the last byte shown left out; without that NUL it ends with "...", as strace marks a
    /// string it could not see the end of.</summary>
    public static bool Str(ref DecodeContext c, ReadOnlySpan<byte> v)
    {
        int shown = Math.Min(v.Length, c.Options.StringLimit);
        if (NetlinkBuffer.PrintedAddress(c.Out, v, shown)) return true;
        bool ended = shown > 0 && v[shown - 1] == 0;
        c.Out.Quoted(v[..(ended ? shown - 1 : shown)], c.Options.HexStrings, !ended && !v.IsEmpty);
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
        if (!OpenDecoded(w, v[..size], out var mark)) return true;
        InetText(w, v[..size]);
        CloseDecoded(w, mark);
        return true;
    }

    /// <summary>A 4-byte address as inet_addr("1.2.3.4"), a 16-byte one as inet_pton(AF_INET6,
    /// "::1"): for --json the address's text.</summary>
    public static void InetText(ArgWriter w, ReadOnlySpan<byte> a)
    {
        if (a.Length == 4) SockaddrPrinter.Address(w, "inet_addr(\""u8, a, "\")"u8);
        else SockaddrPrinter.Address(w, "inet_pton(AF_INET6, \""u8, a, "\")"u8);
    }

    /// <summary>A hardware address: 02:fc:00:00:00:01, which is its own text for --json.</summary>
    /// <param name="length">How many of the bytes the address has (its ARPHRD_* type's length, where
    /// a field holds more): -X raw and verbose still show them all.</param>
    public static bool HwAddr(ArgWriter w, ReadOnlySpan<byte> v, int length = -1)
    {
        if (NetlinkBuffer.PrintedAddress(w, v, v.Length)) return true;
        if (!OpenDecoded(w, v, out var mark)) return true;
        int start = w.Length;
        for (int i = 0; i < (length < 0 ? v.Length : length); i++)
        {
            if (i > 0) w.Raw((byte)':');
            if (v[i] < 16) w.Raw((byte)'0');
            w.Hex16(v[i]);
        }
        w.MarkText(start, start, w.Length);
        CloseDecoded(w, mark);
        return true;
    }

    /// <summary>Values strace decodes from raw bytes (addresses, ports) print, under -X raw, as
    /// those bytes in hex, and under -X verbose as the bytes with the decoded form in a comment;
    /// false when nothing more is to be written.  For --json the value is the bytes, or under
    /// abbrev what the caller writes.</summary>
    public static bool OpenDecoded(ArgWriter w, ReadOnlySpan<byte> bytes, out DecodedMark mark)
    {
        var outer = w.Style;
        if (outer == ConstStyle.Abbrev) { mark = new(outer, 0); return true; }
        w.Quoted(bytes, 2, false);
        mark = new(outer, w.Length);
        if (outer == ConstStyle.Raw) return false;
        w.Raw(" /* "u8);
        w.Style = ConstStyle.Abbrev;
        return true;
    }

    public static void CloseDecoded(ArgWriter w, DecodedMark mark)
    {
        if (mark.Outer != ConstStyle.Verbose) return;
        w.Style = mark.Outer;
        w.Raw(" */"u8);
        w.Annotated(mark.BytesEnd);
    }
}

/// <summary>What <see cref="NlattrPrinter.OpenDecoded"/> began: the -X style outside, and where
/// the bytes it wrote ended (the decoded form after them is their comment).</summary>
internal readonly record struct DecodedMark(ConstStyle Outer, int BytesEnd);

/// <summary>How one element of an array value prints (<see cref="NlattrPrinter.Array"/>): a struct,
/// so the loop is specialised for it and allocates nothing.</summary>
internal interface IElementPrinter
{
    void Print(ArgWriter w, ReadOnlySpan<byte> e);
}

/// <summary>A little-endian integer of the element's size, in the given form.</summary>
internal readonly struct NumberElement(NlStruct.Kind kind) : IElementPrinter
{
    public void Print(ArgWriter w, ReadOnlySpan<byte> e) => NlStruct.Number(w, e, kind);
}

/// <summary>A structure declared as an <see cref="NlStruct"/>.</summary>
internal readonly struct StructElement(NlStruct layout) : IElementPrinter
{
    public void Print(ArgWriter w, ReadOnlySpan<byte> e) => layout.Print(w, e);
}
