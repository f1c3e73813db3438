using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Netlink;

/// <summary>IFLA_AF_SPEC (&lt;linux/if_link.h&gt;, &lt;linux/if_bridge.h&gt;): for most links an
/// attribute per address family (AF_INET, AF_INET6 and AF_MCTP decoded, others hex); for an
/// AF_BRIDGE link, the bridge's own attributes instead, as strace 6.1 reads it.</summary>
internal static class LinkAfSpecAttrs
{
    private const int AF_MCTP = 45;

    /// <summary>struct bridge_vlan_info.</summary>
    private static readonly NlStruct s_vlanInfo = new(("u16 flags", IfStatsConstants.BridgeVlanFlags), "u16 vid");

    public static bool Value(ref DecodeContext c, AttrTable table, int type, ReadOnlySpan<byte> v)
    {
        var w = c.Out;
        return (table, type) switch
        {
            (AttrTable.LinkAfSpec, NetConstants.AF_INET) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkInet, 0),
            (AttrTable.LinkAfSpec, NetConstants.AF_INET6) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkInet6, (byte)NetConstants.AF_INET6),
            (AttrTable.LinkAfSpec, AF_MCTP) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkMctp, 0),
            (AttrTable.LinkInet, 1) => NlattrPrinter.IndexedArray(ref c, v, 4, true, LinkNestedConstants.InetDevConf),
            (AttrTable.LinkMctp, 1) => NlattrPrinter.U32(w, v),
            (AttrTable.LinkAfSpecBridge, 0) => NlattrPrinter.Flags(w, v, 2, LinkNestedConstants.BridgeFlags),
            (AttrTable.LinkAfSpecBridge, 1) => NlattrPrinter.Named(w, v, 2, LinkNestedConstants.BridgeModes),
            (AttrTable.LinkAfSpecBridge, 2) => s_vlanInfo.PrintWithRest(ref c, v),
            (AttrTable.LinkAfSpecBridge, 3) => NlattrPrinter.Nested(ref c, v, AttrTable.LinkBridgeVlanTunnel, 0),
            (AttrTable.LinkBridgeVlanTunnel, 1) => NlattrPrinter.U32(w, v),
            (AttrTable.LinkBridgeVlanTunnel, 2) => NlattrPrinter.U16(w, v),
            (AttrTable.LinkBridgeVlanTunnel, 3) => NlattrPrinter.Flags(w, v, 2, IfStatsConstants.BridgeVlanFlags),
            _ => false,
        };
    }
}
