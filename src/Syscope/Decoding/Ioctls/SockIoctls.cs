using Syscope.Decoding.Constants;
using Syscope.Decoding.Netlink;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/sockios.h&gt; socket requests (type 0x89): owners and process groups as ints,
/// bridges by name, interfaces' struct ifreq (the name, then the value each request reads or sets:
/// addresses, flags, indexes, the hardware address, the device map) and SIOCGIFCONF's list.</summary>
internal sealed unsafe class SockIoctls : IoctlFamily
{
    private const uint FIOSETOWN = 0x8901, SIOCSPGRP = 0x8902, FIOGETOWN = 0x8903, SIOCGPGRP = 0x8904, SIOCATMARK = 0x8905;
    private const uint SIOCGIFNAME = 0x8910, SIOCGIFCONF = 0x8912, SIOCGIFFLAGS = 0x8913, SIOCSIFFLAGS = 0x8914;
    private const uint SIOCGIFADDR = 0x8915, SIOCSIFADDR = 0x8916, SIOCGIFDSTADDR = 0x8917, SIOCSIFDSTADDR = 0x8918;
    private const uint SIOCGIFBRDADDR = 0x8919, SIOCSIFBRDADDR = 0x891a, SIOCGIFNETMASK = 0x891b, SIOCSIFNETMASK = 0x891c;
    private const uint SIOCGIFMETRIC = 0x891d, SIOCSIFMETRIC = 0x891e, SIOCGIFMTU = 0x8921, SIOCSIFMTU = 0x8922;
    private const uint SIOCSIFNAME = 0x8923, SIOCSIFHWADDR = 0x8924, SIOCGIFENCAP = 0x8925, SIOCSIFENCAP = 0x8926;
    private const uint SIOCGIFHWADDR = 0x8927, SIOCGIFSLAVE = 0x8929, SIOCSIFSLAVE = 0x8930, SIOCADDMULTI = 0x8931;
    private const uint SIOCDELMULTI = 0x8932, SIOCGIFINDEX = 0x8933, SIOCSIFHWBROADCAST = 0x8937;
    private const uint SIOCGIFTXQLEN = 0x8942, SIOCSIFTXQLEN = 0x8943, SIOCOUTQNSD = 0x894b;
    private const uint SIOCGIFMAP = 0x8970, SIOCSIFMAP = 0x8971;
    private const uint SIOCBRADDBR = 0x89a0, SIOCBRDELBR = 0x89a1, SIOCBRADDIF = 0x89a2, SIOCBRDELIF = 0x89a3;

    /// <summary>The requests whose argument strace prints as an address: structures it does not decode.</summary>
    private static readonly uint[] AddressOnly =
    [
        0x890b, 0x890c, 0x890d, 0x8906, 0x8907, 0x80108906, 0x80108907, 0x8911, 0x891f, 0x8920, 0x8934, 0x8935, 0x8936,
        0x8938, 0x8940, 0x8941, 0x8946, 0x8947, 0x8948, 0x8949, 0x894a, 0x894c, 0x8953, 0x8954, 0x8955, 0x8960, 0x8961,
        0x8962, 0x8980, 0x8981, 0x8982, 0x8983, 0x8990, 0x8991, 0x8992, 0x8993, 0x8994, 0x8995, 0x89b0, 0x89b1,
    ];

    /// <summary>sockaddr's sa_data: the bytes a hardware address can take in ifreq.</summary>
    private const int HwAddrMax = 14;

    /// <summary>How many bytes of sa_data a hardware address of each ARPHRD_* type has (its
    /// drivers' address lengths: ETH_ALEN, AX25_ADDR_LEN...), as strace shows them; types not
    /// listed up to ARPHRD_VSOCKMON, and any after it, show all the bytes.</summary>
    private static int HwAddrSize(ushort type) => type switch
    {
        0 or 3 => 7,
        1 or 6 or 772 or 774 or 780 or 801 or 802 or 803 => 6,
        7 or 290 or 773 or 820 or 821 => 1,
        15 => 2,
        24 or 769 or 823 => 16,
        27 or 804 or 805 or 825 => 8,
        32 => 20,
        270 => 5,
        768 or 776 or 778 or 783 => 4,
        256 or 271 or 280 or 512 or 518 or 519 or 777 or 779 or 822 or 824 or 826 => 0,
        _ => HwAddrMax,
    };

    public override ReadOnlySpan<byte> Types => [0x89];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case FIOGETOWN or SIOCATMARK or SIOCGIFENCAP or SIOCGPGRP or SIOCOUTQNSD: return IoctlArg.AtExit;
            case FIOSETOWN or SIOCSIFENCAP or SIOCSPGRP: w.Sep(); Args.IntRef(ref c, arg); return IoctlArg.Done;
            case SIOCBRADDBR or SIOCBRDELBR: w.Sep(); BridgeName(ref c, arg); return IoctlArg.Done;
            case SIOCGIFCONF: w.Sep(); return IfConfEntry(ref c, arg);
            case SIOCBRADDIF or SIOCBRDELIF:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out IfReq r)) return IoctlArg.Done;
                    w.BeginStruct().Field("ifr_ifindex"u8);
                    NlattrPrinter.IfIndexValue(c.Host, w, *(uint*)r.Value);
                    w.EndStruct();
                    return IoctlArg.Done;
                }
            case SIOCADDMULTI or SIOCDELMULTI or SIOCSIFADDR or SIOCSIFBRDADDR or SIOCSIFDSTADDR or SIOCSIFFLAGS
                or SIOCSIFHWADDR or SIOCSIFHWBROADCAST or SIOCSIFMAP or SIOCSIFMETRIC or SIOCSIFMTU or SIOCSIFNAME
                or SIOCSIFNETMASK or SIOCSIFSLAVE or SIOCSIFTXQLEN:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out IfReq r)) return IoctlArg.Done;
                    w.BeginStruct().Field("ifr_name"u8);
                    CString(ref c, new ReadOnlySpan<byte>(r.Name, IfReq.NameSize));
                    Value(ref c, cmd, r);
                    w.EndStruct();
                    return IoctlArg.Done;
                }
            case SIOCGIFADDR or SIOCGIFBRDADDR or SIOCGIFDSTADDR or SIOCGIFFLAGS or SIOCGIFHWADDR or SIOCGIFINDEX
                or SIOCGIFMAP or SIOCGIFMETRIC or SIOCGIFMTU or SIOCGIFNAME or SIOCGIFNETMASK or SIOCGIFSLAVE
                or SIOCGIFTXQLEN:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out IfReq r)) return IoctlArg.Done;
                    w.BeginStruct();
                    if (cmd == SIOCGIFNAME) w.Field("ifr_ifindex"u8).Int(*(int*)r.Value);
                    else { w.Field("ifr_name"u8); CString(ref c, new ReadOnlySpan<byte>(r.Name, IfReq.NameSize)); }
                    return IoctlArg.Continues;
                }
            default:
                if (System.Array.IndexOf(AddressOnly, cmd) < 0) return IoctlArg.Unknown;
                w.Sep().Ptr(arg);
                return IoctlArg.Done;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case FIOGETOWN or SIOCATMARK or SIOCGIFENCAP or SIOCGPGRP or SIOCOUTQNSD:
                if (c.Failed) w.Ptr(arg); else Args.IntRef(ref c, arg);
                return;
            case SIOCGIFCONF: IfConfExit(ref c, arg); return;
        }
        if (!c.Failed && Printers.TryRead(ref c, arg, out IfReq r)) Value(ref c, cmd, r);
        w.EndStruct();
    }

    /// <summary>The field of the ifreq union a request reads or sets.</summary>
    private static void Value(ref DecodeContext c, uint cmd, IfReq r)
    {
        var w = c.Out;
        byte* p = r.Value;
        var value = new ReadOnlySpan<byte>(p, 24);
        switch (cmd)
        {
            case SIOCSIFADDR or SIOCGIFADDR: Sockaddr(ref c, "ifr_addr"u8, value); return;
            case SIOCSIFDSTADDR or SIOCGIFDSTADDR: Sockaddr(ref c, "ifr_dstaddr"u8, value); return;
            case SIOCSIFBRDADDR or SIOCGIFBRDADDR: Sockaddr(ref c, "ifr_broadaddr"u8, value); return;
            case SIOCSIFNETMASK or SIOCGIFNETMASK: Sockaddr(ref c, "ifr_netmask"u8, value); return;
            case SIOCADDMULTI or SIOCDELMULTI or SIOCGIFHWADDR or SIOCSIFHWADDR or SIOCSIFHWBROADCAST:
                {
                    ushort family = *(ushort*)p;
                    w.Field("ifr_hwaddr"u8).BeginStruct().Field("sa_family"u8);
                    RtnetlinkConstants.HardwareTypes.Print(w, family);
                    w.Field("sa_data"u8);
                    NlattrPrinter.HwAddr(w, value.Slice(2, HwAddrMax), HwAddrSize(family));
                    w.EndStruct();
                    return;
                }
            case SIOCSIFFLAGS or SIOCGIFFLAGS: w.Field("ifr_flags"u8); RtnetlinkConstants.InterfaceFlags.Print(w, *(ushort*)p); return;
            case SIOCGIFINDEX: w.Field("ifr_ifindex"u8).Int(*(int*)p); return;
            case SIOCSIFMETRIC or SIOCGIFMETRIC: w.Field("ifr_metric"u8).Int(*(int*)p); return;
            case SIOCSIFMTU or SIOCGIFMTU: w.Field("ifr_mtu"u8).Int(*(int*)p); return;
            case SIOCSIFTXQLEN or SIOCGIFTXQLEN: w.Field("ifr_qlen"u8).Int(*(int*)p); return;
            case SIOCSIFSLAVE or SIOCGIFSLAVE: w.Field("ifr_slave"u8); CString(ref c, value[..IfReq.NameSize]); return;
            case SIOCSIFNAME: w.Field("ifr_newname"u8); CString(ref c, value[..IfReq.NameSize]); return;
            case SIOCGIFNAME: w.Field("ifr_name"u8); CString(ref c, new ReadOnlySpan<byte>(r.Name, IfReq.NameSize)); return;
            case SIOCSIFMAP or SIOCGIFMAP:
                {
                    var m = *(IfMap*)p;
                    w.Field("ifr_map"u8).BeginStruct().Field("mem_start"u8).Hex(m.MemStart).Field("mem_end"u8).Hex(m.MemEnd)
                        .Field("base_addr"u8).Hex(m.BaseAddr).Field("irq"u8).Hex(m.Irq).Field("dma"u8).Hex(m.Dma)
                        .Field("port"u8).Hex(m.Port).EndStruct();
                    return;
                }
        }
    }

    private static void Sockaddr(ref DecodeContext c, ReadOnlySpan<byte> field, ReadOnlySpan<byte> value)
    {
        c.Out.Field(field);
        SockaddrPrinter.Value(ref c, c.Out, value[..16]);
    }

    /// <summary>A name in a fixed array: up to its NUL; without one, all but the last byte and "...".</summary>
    private static void CString(ref DecodeContext c, scoped ReadOnlySpan<byte> field)
    {
        int nul = field.IndexOf((byte)0);
        c.Out.Quoted(nul < 0 ? field[..^1] : field[..nul], c.Options.HexStrings, nul < 0);
    }

    /// <summary>SIOCBRADDBR/SIOCBRDELBR: a bridge's name, a string of at most IFNAMSIZ bytes.</summary>
    private static void BridgeName(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        Span<byte> name = stackalloc byte[IfReq.NameSize];
        int n = Printers.ReadCString(c.Memory, addr, name, out bool terminated);
        if (Printers.Unreadable(ref c, n, IfReq.NameSize, terminated)) { c.Out.Hex(addr); return; }
        int limit = c.Options.StringLimit;
        c.Out.Quoted(name[..Math.Min(n, limit)], c.Options.HexStrings, !terminated || n > limit);
    }

    /// <summary>"{ifc_len=": with a buffer, the length given; without one, the kernel's answer at exit.
    /// Scratch.A and B keep the length and buffer given.</summary>
    private static IoctlArg IfConfEntry(ref DecodeContext c, ulong arg)
    {
        if (arg == 0 || !Printers.TryRead(ref c, arg, out IfConf ifc)) { c.Out.Ptr(arg); return IoctlArg.Done; }
        c.Out.BeginStruct().Field("ifc_len"u8);
        // Scratch.A: the length given, and where its text starts (for --json the value is the length after).
        c.Scratch.A = (long)((ulong)c.Out.Length << 32 | (uint)ifc.Length);
        if (ifc.Buffer != 0) Length(c.Out, ifc.Length);
        c.Scratch.B = (long)ifc.Buffer;
        return IoctlArg.Continues;
    }

    /// <summary>The length the kernel wrote (" => N" when it changed one given), then the buffer's
    /// ifreqs: each interface's name and address.</summary>
    private static void IfConfExit(ref DecodeContext c, ulong arg)
    {
        var w = c.Out;
        int lengthGiven = (int)c.Scratch.A;
        ulong bufferGiven = (ulong)c.Scratch.B;
        if (!Printers.TryRead(ref c, arg, out IfConf ifc))
        {
            if (bufferGiven == 0) Length(w, lengthGiven);
            w.Field("ifc_buf"u8).Ptr(bufferGiven).EndStruct();
            return;
        }
        if (bufferGiven != 0 && lengthGiven != ifc.Length) w.Raw(" => "u8);
        if (bufferGiven == 0 || lengthGiven != ifc.Length)
        {
            Length(w, ifc.Length);
            w.MarkNumber((int)((ulong)c.Scratch.A >> 32), (ulong)ifc.Length, signed: true);
        }
        w.Field("ifc_buf"u8);
        if (bufferGiven == 0 || c.Failed)
        {
            w.Ptr(bufferGiven);
            if (ifc.Buffer != bufferGiven) w.Raw(" => "u8).Ptr(ifc.Buffer);
        }
        else
        {
            Printers.Array(ref c, ifc.Buffer, (ulong)(uint)ifc.Length / (ulong)sizeof(IfReq), static (ref DecodeContext c, in IfReq r) =>
            {
                c.Out.BeginStruct().Field("ifr_name"u8);
                fixed (byte* name = r.Name) CString(ref c, new ReadOnlySpan<byte>(name, IfReq.NameSize));
                fixed (byte* value = r.Value) Sockaddr(ref c, "ifr_addr"u8, new ReadOnlySpan<byte>(value, 24));
                c.Out.EndStruct();
            });
        }
        w.EndStruct();
    }

    /// <summary>ifc_len, and how many ifreqs it holds when it holds a whole number of them.</summary>
    private static void Length(ArgWriter w, int length)
    {
        w.Int(length);
        if (length <= 0 || length % sizeof(IfReq) != 0) return;
        int end = w.Length;
        w.Raw(" /* "u8).UInt((ulong)(length / sizeof(IfReq))).Raw(" * sizeof(struct ifreq) */"u8);
        w.Annotated(end);
    }
}
