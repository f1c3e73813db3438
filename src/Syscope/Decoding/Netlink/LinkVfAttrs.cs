using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>IFLA_VFINFO_LIST (&lt;linux/if_link.h&gt;): per virtual function, its MAC, VLANs,
/// rates, switches, counters and InfiniBand GUIDs, as strace 6.1 prints them.</summary>
internal static class LinkVfAttrs
{
    /// <summary>struct ifla_vf_vlan, ifla_vf_rate: a virtual function and its settings.</summary>
    private static readonly NlStruct s_vlan = new("u32 vf", "u32 vlan", "u32 qos");
    private static readonly NlStruct s_txRate = new("u32 vf", "u32 rate");
    private static readonly NlStruct s_rate = new("u32 vf", "u32 min_tx_rate", "u32 max_tx_rate");

    /// <summary>struct ifla_vf_spoofchk, ifla_vf_rss_query_en and ifla_vf_trust share this layout.</summary>
    private static readonly NlStruct s_setting = new("u32 vf", "u32 setting");
    private static readonly NlStruct s_linkState = new("u32 vf", ("u32 link_state", LinkNestedConstants.VfLinkStates));

    /// <summary>The hardware address fields (struct ifla_vf_mac, ifla_vf_broadcast) are 32 bytes.</summary>
    private const int MacSize = 32;

    private const int IFLA_VF_STATS_PAD = 6;

    public static bool Value(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        return (table, type) switch
        {
            (AttrTable.LinkVfInfoList, 1) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkVfInfo, 0),
            (AttrTable.LinkVfInfo, 1) => Mac(w, v),
            (AttrTable.LinkVfInfo, 2) => s_vlan.Print(w, v),
            (AttrTable.LinkVfInfo, 3) => s_txRate.Print(w, v),
            (AttrTable.LinkVfInfo, 4 or 7 or 9) => s_setting.Print(w, v),
            (AttrTable.LinkVfInfo, 5) => s_linkState.Print(w, v),
            (AttrTable.LinkVfInfo, 6) => s_rate.Print(w, v),
            (AttrTable.LinkVfInfo, 8) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkVfStats, 0),
            (AttrTable.LinkVfInfo, 10 or 11) => Guid(w, v),
            (AttrTable.LinkVfInfo, 12) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkVfVlanList, 0),
            (AttrTable.LinkVfInfo, 13) => Broadcast(w, v),
            (AttrTable.LinkVfStats, not IFLA_VF_STATS_PAD) => NlattrPrinter.U64(w, v),
            (AttrTable.LinkVfVlanList, 1) => VlanInfo(w, v),
            _ => false,
        };
    }

    /// <summary>struct ifla_vf_mac: the function and all 32 bytes of its address.</summary>
    private static bool Mac(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (NlattrPrinter.Unfit(w, v, 4 + MacSize) is bool fit) return fit;
        w.BeginStruct().Field("vf"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(v)).Field("mac"u8);
        NlattrPrinter.HwAddr(w, v.Slice(4, MacSize));
        w.EndStruct();
        return true;
    }

    private static bool Broadcast(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (NlattrPrinter.Unfit(w, v, MacSize) is bool fit) return fit;
        w.BeginStruct().Field("broadcast"u8);
        NlattrPrinter.HwAddr(w, v[..MacSize]);
        w.EndStruct();
        return true;
    }

    /// <summary>struct ifla_vf_guid: its u64 is not naturally aligned, so the kernel's size
    /// depends on the ABI; strace takes a 12-byte value as packed and a 16-byte one as aligned,
    /// and any other size as hex.</summary>
    private static bool Guid(ArgWriter w, ReadOnlySpan<byte> v)
    {
        if (v.Length is not (12 or 16)) return false;
        if (NetlinkBuffer.PrintedAddress(w, v, v.Length)) return true;
        w.BeginStruct().Field("vf"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(v))
            .Field("guid"u8).Hex(BinaryPrimitives.ReadUInt64LittleEndian(v[(v.Length - 8)..])).EndStruct();
        return true;
    }

    /// <summary>struct ifla_vf_vlan_info: the VLAN's protocol in network order, by name.</summary>
    private static bool VlanInfo(ArgWriter w, ReadOnlySpan<byte> v)
    {
        const int Size = 16;
        if (NlattrPrinter.Unfit(w, v, Size) is bool fit) return fit;
        w.BeginStruct().Field("vf"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(v))
            .Field("vlan"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(v[4..]))
            .Field("qos"u8).UInt(BinaryPrimitives.ReadUInt32LittleEndian(v[8..]))
            .Field("vlan_proto"u8);
        SockaddrPrinter.Htons(w, NetConstants.EthernetProtocols, BinaryPrimitives.ReadUInt16BigEndian(v[12..]));
        w.EndStruct();
        return true;
    }
}
