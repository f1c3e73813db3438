using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using Syscope.Decoding.Constants;
using Syscope.Decoding.Netlink;
using Syscope.Kernel;
using Syscope.Kernel.Abi;
using static Syscope.Decoding.Constants.SockoptConstants;

namespace Syscope.Decoding;

/// <summary>How an option's value prints, read back (getsockopt) or given (setsockopt).</summary>
internal enum SockoptValue : byte
{
    /// <summary>An int when the length is an int's, otherwise the bytes as a string.</summary>
    Plain,
    /// <summary>SOL_SOCKET's int options: read back shorter than an int, the bytes in hex; given
    /// shorter, the address.</summary>
    Int,
    /// <summary>SOL_NETLINK's options: an int whatever the length read back; given shorter, the address.</summary>
    NetlinkInt,
    Linger, PeerCred, Error, TxRehash, TpacketStats, IcmpFilter, IpMreq, Ipv6Mreq, GroupReq, TpacketReq, PacketMreq,
    /// <summary>NETLINK_LIST_MEMBERSHIPS: an array of group bitmap words.</summary>
    Memberships,
    /// <summary>A classic BPF program (SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF) given as a
    /// struct sock_fprog, read back (SO_GET_FILTER) as the instructions alone.</summary>
    Filter,
}

/// <summary>
/// get/setsockopt's level, option name and value, as strace 6.1 prints them. Each level's names
/// are one row of <see cref="s_levels"/>, each option whose value is more than plain bytes one row
/// of <see cref="s_options"/>; a value printer honours the length the caller gave or the kernel
/// returned, as strace does (a structure cut short shows its last field's bytes in hex).
/// </summary>
internal static class SockoptPrinter
{
    private readonly record struct Level(int Number, ValueSet Names, ValueSet? GetNames = null, ValueSet? SetNames = null);

    private static readonly Level[] s_levels =
    [
        new(SOL_SOCKET, SocketOptions, GetSocketOptions, SetSocketOptions),
        new(SOL_IP, IpOptions, GetIpOptions, SetIpOptions),
        new(SOL_IPV6, Ipv6Options, GetIpv6Options, SetIpv6Options),
        new(6, TcpOptions), new(17, UdpOptions), new(SOL_PACKET, PacketOptions), new(SOL_RAW, RawOptions),
        new(SOL_NETLINK, NetlinkOptions),
    ];

    /// <summary>Every option of its level.</summary>
    private const int AnyName = -1;

    private readonly record struct Option(int Level, int Name, SockoptValue Get, SockoptValue Set);

    private static readonly Option[] s_options =
    [
        .. IntOptions(SOL_SOCKET, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 27, 29, 30, 32, 33, 34, 35, 36, 37,
            40, 41, 42, 43, 44, 45, 46, 49, 53, 56, 60, 63, 64, 65, 68, 69, 70, 73, 75),
        new(SOL_SOCKET, 4, SockoptValue.Error, SockoptValue.Plain),              // SO_ERROR
        new(SOL_SOCKET, 13, SockoptValue.Linger, SockoptValue.Linger),           // SO_LINGER
        new(SOL_SOCKET, 17, SockoptValue.PeerCred, SockoptValue.Plain),          // SO_PEERCRED
        new(SOL_SOCKET, 74, SockoptValue.TxRehash, SockoptValue.TxRehash),       // SO_TXREHASH
        new(SOL_SOCKET, 26, SockoptValue.Filter, SockoptValue.Filter),           // SO_GET_FILTER, SO_ATTACH_FILTER
        new(SOL_SOCKET, 51, SockoptValue.Plain, SockoptValue.Filter),            // SO_ATTACH_REUSEPORT_CBPF
        new(SOL_IP, 35, SockoptValue.Plain, SockoptValue.IpMreq),                // IP_ADD_MEMBERSHIP
        new(SOL_IP, 36, SockoptValue.Plain, SockoptValue.IpMreq),                // IP_DROP_MEMBERSHIP
        new(SOL_IP, 42, SockoptValue.Plain, SockoptValue.GroupReq),              // MCAST_JOIN_GROUP
        new(SOL_IP, 45, SockoptValue.Plain, SockoptValue.GroupReq),              // MCAST_LEAVE_GROUP
        new(SOL_IPV6, 20, SockoptValue.Plain, SockoptValue.Ipv6Mreq),            // IPV6_ADD_MEMBERSHIP
        new(SOL_IPV6, 21, SockoptValue.Plain, SockoptValue.Ipv6Mreq),            // IPV6_DROP_MEMBERSHIP
        new(SOL_IPV6, 27, SockoptValue.Plain, SockoptValue.Ipv6Mreq),            // IPV6_JOIN_ANYCAST
        new(SOL_IPV6, 28, SockoptValue.Plain, SockoptValue.Ipv6Mreq),            // IPV6_LEAVE_ANYCAST
        new(SOL_IPV6, 42, SockoptValue.Plain, SockoptValue.GroupReq),            // MCAST_JOIN_GROUP
        new(SOL_IPV6, 45, SockoptValue.Plain, SockoptValue.GroupReq),            // MCAST_LEAVE_GROUP
        new(SOL_PACKET, 1, SockoptValue.Plain, SockoptValue.PacketMreq),         // PACKET_ADD_MEMBERSHIP
        new(SOL_PACKET, 2, SockoptValue.Plain, SockoptValue.PacketMreq),         // PACKET_DROP_MEMBERSHIP
        new(SOL_PACKET, 5, SockoptValue.Plain, SockoptValue.TpacketReq),         // PACKET_RX_RING
        new(SOL_PACKET, 6, SockoptValue.TpacketStats, SockoptValue.Plain),       // PACKET_STATISTICS
        new(SOL_PACKET, 13, SockoptValue.Plain, SockoptValue.TpacketReq),        // PACKET_TX_RING
        new(SOL_RAW, 1, SockoptValue.IcmpFilter, SockoptValue.IcmpFilter),       // ICMP_FILTER
        new(SOL_NETLINK, AnyName, SockoptValue.NetlinkInt, SockoptValue.NetlinkInt),
        new(SOL_NETLINK, 9, SockoptValue.Memberships, SockoptValue.NetlinkInt),  // NETLINK_LIST_MEMBERSHIPS
    ];

    private static IEnumerable<Option> IntOptions(int level, params int[] names) =>
        names.Select(n => new Option(level, n, SockoptValue.Int, SockoptValue.Int));

    private static readonly FrozenDictionary<long, Option> s_byKey = s_options.ToFrozenDictionary(o => Key(o.Level, o.Name));

    private static long Key(int level, int name) => ((long)level << 32) | (uint)name;

    private static SockoptValue ValueOf(int level, int name, bool get) =>
        s_byKey.TryGetValue(Key(level, name), out var o) || s_byKey.TryGetValue(Key(level, AnyName), out o)
            ? (get ? o.Get : o.Set)
            : SockoptValue.Plain;

    /// <summary>The level and the option's name; an option of a level without names in decimal.</summary>
    public static void Head(ArgWriter w, ulong levelArg, ulong nameArg, bool get)
    {
        int level = (int)levelArg;
        Levels.Print(w, (uint)level);
        w.Sep();
        uint name = (uint)nameArg;
        foreach (var l in s_levels)
        {
            if (l.Number != level) continue;
            var either = get ? l.GetNames : l.SetNames;
            if (!l.Names.TryName(name, out _) && either != null && either.TryName(name, out _)) either.Print(w, name);
            else l.Names.Print(w, name);
            return;
        }
        w.UInt(name);
    }

    /// <summary>getsockopt's value: <paramref name="given"/> is the length the caller gave,
    /// <paramref name="returned"/> the one the kernel wrote back.</summary>
    public static void Got(ref DecodeContext c, int level, int name, ulong addr, int given, int returned)
    {
        // The kernel neither takes nor returns a negative length: the caller made it up.
        if (given <= 0 || returned <= 0) { c.Out.Ptr(addr); return; }
        var kind = addr != 0 && !c.AddressesOnly ? ValueOf(level, name, get: true) : SockoptValue.Plain;
        switch (kind)
        {
            case SockoptValue.Int:
                if (returned >= 4) Args.IntRef(ref c, addr); else Printers.Buffer(ref c, addr, returned, forceHex: true);
                return;
            case SockoptValue.NetlinkInt: Args.IntRef(ref c, addr); return;
            case SockoptValue.Error: Error(ref c, addr, returned); return;
            case SockoptValue.TxRehash: TxRehashValue(ref c, addr, returned, get: true); return;
            case SockoptValue.Linger: IntFields(ref c, addr, returned, "l_onoff"u8, "l_linger"u8, default, signed: true); return;
            case SockoptValue.TpacketStats:
                IntFields(ref c, addr, returned, "tp_packets"u8, "tp_drops"u8, "tp_freeze_q_cnt"u8, signed: false);
                return;
            case SockoptValue.PeerCred: PeerCred(ref c, addr, returned); return;
            case SockoptValue.IcmpFilter: IcmpFilter(ref c, addr, returned); return;
            case SockoptValue.Memberships: Memberships(ref c, addr, Math.Min(given, returned) / 4); return;
            // The lengths count instructions here, not bytes.
            case SockoptValue.Filter: ClassicBpfPrinter.Instructions(ref c, addr, (uint)Math.Min(given, returned)); return;
        }
        PlainValue(ref c, addr, returned);
    }

    /// <summary>setsockopt's value, of the length the caller gave.</summary>
    public static void Given(ref DecodeContext c, int level, int name, ulong addr, int len)
    {
        var kind = addr != 0 && !c.AddressesOnly ? ValueOf(level, name, get: false) : SockoptValue.Plain;
        switch (kind)
        {
            case SockoptValue.Int or SockoptValue.NetlinkInt:
                if (len < 4) c.Out.Hex(addr); else Args.IntRef(ref c, addr);
                return;
            case SockoptValue.TxRehash: TxRehashValue(ref c, addr, len, get: false); return;
            case SockoptValue.Linger:
                if (len < 8) c.Out.Hex(addr); else IntFields(ref c, addr, 8, "l_onoff"u8, "l_linger"u8, default, signed: true);
                return;
            case SockoptValue.IcmpFilter: IcmpFilter(ref c, addr, len); return;
            case SockoptValue.IpMreq: IpMreqValue(ref c, addr, len); return;
            case SockoptValue.Ipv6Mreq: Ipv6MreqValue(ref c, addr, len); return;
            case SockoptValue.GroupReq: GroupReqValue(ref c, addr, len); return;
            case SockoptValue.TpacketReq: TpacketReqValue(ref c, addr, len); return;
            case SockoptValue.PacketMreq: PacketMreqValue(ref c, addr, len); return;
            case SockoptValue.Filter:
                if (len < Unsafe.SizeOf<SockFprog>()) c.Out.Hex(addr); else ClassicBpfPrinter.Program(ref c, addr, seccomp: false);
                return;
        }
        PlainValue(ref c, addr, len);
    }

    private static void PlainValue(ref DecodeContext c, ulong addr, int len)
    {
        if (c.AddressesOnly) c.Out.Ptr(addr);
        else if (len == 4) Args.IntRef(ref c, addr);
        else Printers.Buffer(ref c, addr, len);
    }

    /// <summary>Up to three 4-byte fields of which only len bytes came back: a field cut short
    /// shows its bytes in hex, the ones after it not at all.</summary>
    private static void IntFields(ref DecodeContext c, ulong addr, int len, ReadOnlySpan<byte> first,
        ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, bool signed)
    {
        int fields = third.IsEmpty ? 2 : 3;
        Span<byte> b = stackalloc byte[12];
        b = b[..Math.Min(len, fields * 4)];
        if (Printers.ReadStruct(ref c, addr, b) < b.Length) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginStruct();
        if (Field(w, b, 0, first)) Number(w, b, 0, signed);
        if (Field(w, b, 4, second)) Number(w, b, 4, signed);
        if (fields == 3 && Field(w, b, 8, third)) Number(w, b, 8, signed);
        w.EndStruct();
    }

    /// <summary>Writes the field's name when any of its bytes came back; true when all 4 did,
    /// otherwise writes those it has in hex.</summary>
    private static bool Field(ArgWriter w, ReadOnlySpan<byte> b, int offset, ReadOnlySpan<byte> name)
    {
        if (b.Length <= offset) return false;
        w.Field(name);
        if (b.Length >= offset + 4) return true;
        w.Quoted(b[offset..], 2, false);
        return false;
    }

    private static void Number(ArgWriter w, ReadOnlySpan<byte> b, int offset, bool signed)
    {
        uint v = BinaryPrimitives.ReadUInt32LittleEndian(b[offset..]);
        if (signed) w.Int((int)v); else w.UInt(v);
    }

    private static void PeerCred(ref DecodeContext c, ulong addr, int len)
    {
        Span<byte> b = stackalloc byte[12];
        b = b[..Math.Min(len, 12)];
        if (Printers.ReadStruct(ref c, addr, b) < b.Length) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginStruct();
        if (Field(w, b, 0, "pid"u8)) c.PidNotes.Write(w, BinaryPrimitives.ReadInt32LittleEndian(b));
        if (Field(w, b, 4, "uid"u8)) Id(w, BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
        if (Field(w, b, 8, "gid"u8)) Id(w, BinaryPrimitives.ReadUInt32LittleEndian(b[8..]));
        w.EndStruct();
    }

    /// <summary>A uid or gid: -1 (no id) as -1, others unsigned.</summary>
    private static void Id(ArgWriter w, uint id)
    {
        if (id == uint.MaxValue) w.Int(-1); else w.UInt(id);
    }

    /// <summary>SO_ERROR reads back a pending error, named: [ECONNREFUSED].</summary>
    private static void Error(ref DecodeContext c, ulong addr, int len)
    {
        if (len < 4) { Printers.Buffer(ref c, addr, len, forceHex: true); return; }
        if (!Printers.TryRead(ref c, addr, out uint err)) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginArray().Element();
        if (Errno.IsKnown((int)err))
        {
            var mark = w.BeginConst();
            w.ConstName(Errno.NameUtf8((int)err));
            w.EndConst(mark, err, NumberBase.Unsigned);
        }
        else w.UInt(err);
        w.EndArray();
    }

    private static void TxRehashValue(ref DecodeContext c, ulong addr, int len, bool get)
    {
        if (len < 4)
        {
            // strace prints a short value's address when it is given, its bytes when read back.
            if (get) Printers.Buffer(ref c, addr, len, forceHex: true); else c.Out.Hex(addr);
            return;
        }
        if (!Printers.TryRead(ref c, addr, out int v)) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginArray().Element();
        // A name's number is decimal too (strace's printxval_d).
        if (TxRehash.TryName((uint)v, out _)) TxRehash.PrintDecimal(w, (uint)v); else TxRehash.PrintInt(w, (uint)v);
        w.EndArray();
    }

    /// <summary>ICMP_FILTER's bitmap of ICMP types, as the types set; when more than half are set,
    /// as "~" and the types that are not.</summary>
    private static void IcmpFilter(ref DecodeContext c, ulong addr, int len)
    {
        if (len <= 0) { c.Out.Ptr(addr); return; }
        Span<byte> b = stackalloc byte[4];
        b.Fill(0xff);
        int n = Math.Min(len, 4);
        if (Printers.ReadStruct(ref c, addr, b[..n]) < n) { c.Out.Hex(addr); return; }
        uint bits = BinaryPrimitives.ReadUInt32LittleEndian(b);
        var w = c.Out;
        if (BitOperations.PopCount(bits) > 16) { bits = ~bits; w.Raw((byte)'~'); }
        w.BeginArray();
        for (; bits != 0; bits &= bits - 1)
        {
            w.Element(separator: " "u8);
            IcmpTypes.Print(w, (ulong)BitOperations.TrailingZeroCount(bits));
        }
        w.EndArray();
    }

    private static void Memberships(ref DecodeContext c, ulong addr, int count) =>
        Printers.Array(ref c, addr, (ulong)count, static (ref DecodeContext c, in uint v) => c.Out.UInt(v));

    private static unsafe void IpMreqValue(ref DecodeContext c, ulong addr, int len)
    {
        if (len < sizeof(IpMreq) || !Printers.TryRead(ref c, addr, out IpMreq m)) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginStruct();
        NlattrPrinter.InetAddr(w.Field("imr_multiaddr"u8), new ReadOnlySpan<byte>(m.MulticastAddress, 4), NetConstants.AF_INET);
        NlattrPrinter.InetAddr(w.Field("imr_interface"u8), new ReadOnlySpan<byte>(m.Interface, 4), NetConstants.AF_INET);
        w.EndStruct();
    }

    private static unsafe void Ipv6MreqValue(ref DecodeContext c, ulong addr, int len)
    {
        if (len < sizeof(Ipv6Mreq) || !Printers.TryRead(ref c, addr, out Ipv6Mreq m)) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginStruct();
        // strace writes an IPv6 address as the call that would set it, with no "name=".
        SockaddrPrinter.Address(w.Field("ipv6mr_multiaddr"u8, inText: false), "inet_pton(AF_INET6, \""u8,
            new ReadOnlySpan<byte>(m.MulticastAddress, 16), "\", &ipv6mr_multiaddr)"u8);
        NlattrPrinter.IfIndexValue(c.Host, w.Field("ipv6mr_interface"u8), m.Interface);
        w.EndStruct();
    }

    private static unsafe void GroupReqValue(ref DecodeContext c, ulong addr, int len)
    {
        if (len < sizeof(GroupReq) || !Printers.TryRead(ref c, addr, out GroupReq g)) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginStruct();
        NlattrPrinter.IfIndexValue(c.Host, w.Field("gr_interface"u8), g.Interface);
        SockaddrPrinter.Value(ref c, w.Field("gr_group"u8), new ReadOnlySpan<byte>(g.Group, 128));
        w.EndStruct();
    }

    private static unsafe void TpacketReqValue(ref DecodeContext c, ulong addr, int len)
    {
        if (len != sizeof(TpacketReq) || !Printers.TryRead(ref c, addr, out TpacketReq r)) { c.Out.Hex(addr); return; }
        c.Out.BeginStruct().Field("tp_block_size"u8).UInt(r.BlockSize).Field("tp_block_nr"u8).UInt(r.BlockCount)
            .Field("tp_frame_size"u8).UInt(r.FrameSize).Field("tp_frame_nr"u8).UInt(r.FrameCount).EndStruct();
    }

    private static unsafe void PacketMreqValue(ref DecodeContext c, ulong addr, int len)
    {
        if (len != sizeof(PacketMreq) || !Printers.TryRead(ref c, addr, out PacketMreq m)) { c.Out.Hex(addr); return; }
        var w = c.Out.BeginStruct();
        NlattrPrinter.IfIndexValue(c.Host, w.Field("mr_ifindex"u8), (uint)m.IfIndex);
        PacketMreqTypes.Print(w.Field("mr_type"u8), m.Type);
        w.Field("mr_alen"u8).UInt(m.AddressLength);
        NlattrPrinter.HwAddr(w.Field("mr_address"u8), new ReadOnlySpan<byte>(m.Address, Math.Min(8, (int)m.AddressLength)));
        w.EndStruct();
    }
}
