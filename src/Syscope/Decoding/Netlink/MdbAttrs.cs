using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>Attributes of the bridge's multicast database (RTM_*MDB, &lt;linux/if_bridge.h&gt;): its
/// entries (struct br_mdb_entry and the attributes after it) and its router ports (an interface
/// index and the attributes after it).</summary>
internal static class MdbAttrs
{
    /// <summary>sizeof(struct br_mdb_entry), padded as the kernel aligns what follows it.</summary>
    private const int EntrySize = 28;

    public static bool Value(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v) => (table, type) switch
    {
        (AttrTable.Mdb, 1) => NlattrPrinter.Nested(ref c, v, AttrTable.MdbMdb, 0),
        (AttrTable.Mdb, 2) => NlattrPrinter.Nested(ref c, v, AttrTable.MdbRouter, 0),
        (AttrTable.MdbMdb, 1) => NlattrPrinter.Nested(ref c, v, AttrTable.MdbEntry, 0),
        (AttrTable.MdbEntry, 1) => Entry(ref c, v),
        (AttrTable.MdbEntryExtra, 1) => NlattrPrinter.ClockTicks(c.Out, v),
        (AttrTable.MdbRouter, 1) => RouterPort(ref c, v),
        (AttrTable.MdbRouterPort, 1 or 3 or 4) => NlattrPrinter.ClockTicks(c.Out, v),
        (AttrTable.MdbRouterPort, 2) => NlattrPrinter.Named(c.Out, v, 1, RtnetlinkMoreConstants.RouterTypes),
        _ => false,
    };

    /// <summary>struct br_mdb_entry.  strace reads the group's protocol as an address family: the
    /// address is decoded when it says AF_INET or AF_INET6, else shown as bytes.</summary>
    private static bool Entry(ref DecodeContext c, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        if (v.Length < EntrySize) return false;
        if (!NetlinkBuffer.PrintedAddress(w, v, EntrySize))
        {
            w.BeginStruct().Field("ifindex"u8);
            NlattrPrinter.IfIndexValue(c.Host, w, BinaryPrimitives.ReadUInt32LittleEndian(v));
            w.Field("state"u8);
            RtnetlinkMoreConstants.MdbStates.Print(w, v[4]);
            w.Field("flags"u8);
            RtnetlinkMoreConstants.MdbFlags.Print(w, v[5]);
            w.Field("vid"u8).UInt(BinaryPrimitives.ReadUInt16LittleEndian(v[6..]));
            var group = v.Slice(8, 16);
            ushort proto = BinaryPrimitives.ReadUInt16BigEndian(v[24..]);
            w.Field("addr"u8).BeginStruct();
            if (proto == NetConstants.AF_INET) SockaddrPrinter.Address(w.Field("u"u8), "inet_addr(\""u8, group[..4], "\")"u8);
            else if (proto == NetConstants.AF_INET6) SockaddrPrinter.Address(w.Field("u"u8, inText: false), "inet_pton(AF_INET6, \""u8, group, "\", &u)"u8);
            else w.Field("u"u8).Quoted(group, 2, false);
            var mark = w.Field("proto"u8).BeginFlagsOf(flags: false);
            w.Raw("htons("u8);
            NetConstants.Families.Print(w, proto);
            w.Raw((byte)')');
            w.EndFlagsOf(mark, proto);
            w.EndStruct().EndStruct();
        }
        if (v.Length > EntrySize)
        {
            w.Element();
            NlattrPrinter.Attributes(ref c, v[EntrySize..], AttrTable.MdbEntryExtra, 0);
        }
        return true;
    }

    /// <summary>A router port: its interface index, then its attributes.</summary>
    private static bool RouterPort(ref DecodeContext c, ReadOnlySpan<byte> v)
    {
        if (!NlattrPrinter.IfIndex(c.Host, c.Out, v)) return false;
        if (v.Length > 4)
        {
            c.Out.Element();
            NlattrPrinter.Attributes(ref c, v[4..], AttrTable.MdbRouterPort, 0);
        }
        return true;
    }
}
