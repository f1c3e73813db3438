using System.Buffers.Binary;
using Syscope.Decoding.Constants;
using F = Syscope.Decoding.Constants.NetlinkFamilyConstants;

namespace Syscope.Decoding.Netlink;

/// <summary>Bodies of the smaller netlink families: SELinux notifications, the nfgenmsg header of
/// NETLINK_NETFILTER, and the udev monitor header NETLINK_KOBJECT_UEVENT carries instead of
/// netlink messages.</summary>
internal static class FamilyBodies
{
    private const int NfgenmsgSize = 4, UdevHeaderSize = 40;
    private const uint UdevMagic = 0xfeedcafe;

    /// <summary>A fixed structure strace reads whole: hex when the body is too short for it, its
    /// address when unreadable; false when the struct is not to be printed.</summary>
    internal static bool Fixed(ref DecodeContext c, ReadOnlySpan<byte> body, int size)
    {
        if (body.Length < size) { NetlinkPrinter.HexString(ref c, body); return false; }
        return !NetlinkBuffer.PrintedAddress(c.Out, body, size);
    }

    public static bool Selinux(ref DecodeContext c, ushort type, ReadOnlySpan<byte> body)
    {
        if (type is not (F.SELNL_MSG_SETENFORCE or F.SELNL_MSG_POLICYLOAD)) return false;
        if (!Fixed(ref c, body, 4)) return true;
        if (type == F.SELNL_MSG_SETENFORCE) c.Out.BeginStruct().Field("val"u8).Int(BinaryPrimitives.ReadInt32LittleEndian(body));
        else c.Out.BeginStruct().Field("seqno"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(body));
        c.Out.EndStruct();
        return true;
    }

    /// <summary>struct nfgenmsg, then the subsystem's attributes (a batch marker's rest is bytes).</summary>
    public static bool Netfilter(ref DecodeContext c, ushort type, ReadOnlySpan<byte> body)
    {
        if (type < NetlinkConstants.NLMSG_MIN_TYPE) return false;
        if (!Fixed(ref c, body, NfgenmsgSize)) return true;
        var w = c.Out;
        w.BeginStruct().Field("nfgen_family"u8);
        NetConstants.Families.Print(w, body[0]);
        w.Field("version"u8);
        F.NfnetlinkVersions.Print(w, body[1]);
        w.Field("res_id"u8);
        ResId(w, type, BinaryPrimitives.ReadUInt16BigEndian(body[2..]), BinaryPrimitives.ReadUInt16LittleEndian(body[2..]));
        w.EndStruct();
        if (body.Length <= NfgenmsgSize) return true;
        w.Element();
        var rest = body[NfgenmsgSize..];
        if (type == F.NFNL_MSG_BATCH_BEGIN) NetlinkPrinter.HexString(ref c, rest);
        else NlattrPrinter.Attributes(ref c, rest, AttrTable.None, body[0]);
        return true;
    }

    /// <summary>res_id is a subsystem in network order: htons(NFNL_SUBSYS_NFTABLES); strace also
    /// names one written in host order, and a batch marker's as a number.</summary>
    private static void ResId(ArgWriter w, ushort type, ushort network, ushort host)
    {
        var mark = w.BeginConst();
        if (type != F.NFNL_MSG_BATCH_BEGIN && F.NetfilterSubsystems.TryName(network, out var name))
            w.Raw("htons("u8).ConstName(name).Raw((byte)')');
        else if (type != F.NFNL_MSG_BATCH_BEGIN && F.NetfilterSubsystems.TryName(host, out name))
            w.ConstName(name);
        else w.Raw("htons("u8).UInt(network).Raw((byte)')');
        w.EndConst(mark, host);
    }

    /// <summary>A udev monitor message: its header when it starts with "libudev" and the magic,
    /// then the properties as a string; anything else is a string.</summary>
    public static void KobjectUevent(ref DecodeContext c, ulong addr, ReadOnlySpan<byte> data)
    {
        var w = c.Out;
        if (data.Length < UdevHeaderSize || !NetlinkBuffer.Has(data, UdevHeaderSize) || !data[..8].SequenceEqual("libudev\0"u8)
            || BinaryPrimitives.ReadUInt32BigEndian(data[8..]) != UdevMagic)
        {
            Printers.Buffer(ref c, addr, data.Length);
            return;
        }
        bool more = data.Length > UdevHeaderSize;
        if (more) w.BeginArray().Element();
        w.BeginStruct().Field("prefix"u8).Quoted("libudev"u8, 0, false).Field("magic"u8);
        Htonl(w, data[8..]);
        w.Field("header_size"u8).UInt(U32(data, 12)).Field("properties_off"u8).UInt(U32(data, 16))
            .Field("properties_len"u8).UInt(U32(data, 20));
        Htonl(w.Field("filter_subsystem_hash"u8), data[24..]);
        Htonl(w.Field("filter_devtype_hash"u8), data[28..]);
        Htonl(w.Field("filter_tag_bloom_hi"u8), data[32..]);
        Htonl(w.Field("filter_tag_bloom_lo"u8), data[36..]);
        w.EndStruct();
        if (!more) return;
        w.Element();
        Printers.Buffer(ref c, addr + UdevHeaderSize, data.Length - UdevHeaderSize);
        w.EndArray();
    }

    /// <summary>A big-endian word as strace writes it, "htonl(0xfeedcafe)": the number for --json.</summary>
    private static void Htonl(ArgWriter w, ReadOnlySpan<byte> be)
    {
        int start = w.Length;
        uint value = BinaryPrimitives.ReadUInt32BigEndian(be);
        w.Raw("htonl("u8).Hex(value).Raw((byte)')');
        w.MarkNumber(start, value);
    }

    private static uint U32(ReadOnlySpan<byte> v, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(v[offset..]);
}
