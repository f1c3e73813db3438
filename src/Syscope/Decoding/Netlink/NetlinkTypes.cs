using Syscope.Decoding.Constants;
using F = Syscope.Decoding.Constants.NetlinkFamilyConstants;
using N = Syscope.Decoding.Constants.NetlinkConstants;

namespace Syscope.Decoding.Netlink;

/// <summary>How a message's type and flags are named: by the socket's NETLINK_* family for types
/// from NLMSG_MIN_TYPE on, and for flags by whether the type creates, deletes or gets (the
/// NLM_F_* bits above 0xff mean different things for each).</summary>
internal static class NetlinkTypes
{
    private enum Request : byte { Other, New, Delete, Get }

    public static void PrintType(ArgWriter w, ushort type, int family)
    {
        if (type < N.NLMSG_MIN_TYPE) { N.Types.Print(w, type); return; }
        switch (family)
        {
            case N.NETLINK_ROUTE: N.RouteTypes.Print(w, type); break;
            case N.NETLINK_SOCK_DIAG: N.SockDiagTypes.Print(w, type); break;
            case F.NETLINK_AUDIT: F.AuditTypes.Print(w, type); break;
            case F.NETLINK_CRYPTO: F.CryptoTypes.Print(w, type); break;
            case F.NETLINK_SELINUX: F.SelinuxTypes.Print(w, type); break;
            case F.NETLINK_XFRM: F.XfrmTypes.Print(w, type); break;
            case F.NETLINK_NETFILTER: Netfilter(w, type); break;
            case F.NETLINK_GENERIC: Generic(w, type); break;
            default: N.Types.Print(w, type); break;
        }
    }

    /// <summary>SUBSYSTEM&lt;&lt;8|MESSAGE, or a batch marker.</summary>
    private static void Netfilter(ArgWriter w, ushort type)
    {
        if (F.NetfilterBatch.TryName(type, out _)) { F.NetfilterBatch.Print(w, type); return; }
        int subsys = type >> 8, msg = type & 0xff;
        F.NetfilterSubsystems.Print(w, (ulong)subsys);
        w.Raw("<<8|"u8);
        var messages = subsys < F.NetfilterMessages.Length ? F.NetfilterMessages[subsys] : null;
        if (messages != null) messages.Print(w, (ulong)msg); else w.Hex((ulong)msg);
    }

    /// <summary>Generic netlink families have ids the kernel hands out; strace asks the kernel for
    /// their names, syscope knows only nlctrl's, which is fixed.</summary>
    private static void Generic(ArgWriter w, ushort type)
    {
        if (type == 0x10)
        {
            var mark = w.BeginConst();
            w.Raw("nlctrl"u8);
            w.EndConst(mark, type);
            return;
        }
        w.Hex(type);
        if (w.Style != ConstStyle.Raw) w.Raw(" /* GENERIC_FAMILY_??? */"u8);
    }

    public static FlagSet Flags(ushort type, int family)
    {
        if (type < N.NLMSG_MIN_TYPE) return type == N.NLMSG_ERROR ? N.AckFlags : N.Flags;
        return RequestOf(type, family) switch
        {
            Request.New => N.NewFlags,
            Request.Delete => N.DeleteFlags,
            Request.Get => N.GetFlags,
            _ => N.Flags,
        };
    }

    private static Request RequestOf(ushort type, int family)
    {
        switch (family)
        {
            case N.NETLINK_SOCK_DIAG: return Request.Get;
            case N.NETLINK_ROUTE:
                // RTM_DELACTION takes NLM_F_ROOT like a GET; otherwise the low two bits say NEW/DEL/GET.
                if (type == 0x31) return Request.Get;
                return (type & 3) switch { 0 => Request.New, 1 => Request.Delete, 2 => Request.Get, _ => Request.Other };
            case F.NETLINK_CRYPTO:
                return type switch { 0x10 => Request.New, 0x11 or 0x14 => Request.Delete, 0x13 => Request.Get, _ => Request.Other };
            case F.NETLINK_XFRM:
                return type switch
                {
                    0x10 or 0x13 or 0x1e or 0x22 or 0x24 => Request.New,
                    0x11 or 0x14 => Request.Delete,
                    0x12 or 0x15 or 0x1f or 0x23 or 0x25 => Request.Get,
                    _ => Request.Other,
                };
            case F.NETLINK_NETFILTER: return NetfilterRequest(type >> 8, type & 0xff);
            default: return Request.Other;
        }
    }

    /// <summary>Per subsystem, which messages create, get and delete.</summary>
    private static Request NetfilterRequest(int subsys, int msg) => subsys switch
    {
        1 => msg switch { 0 => Request.New, 1 or 3 or 4 or 5 or 6 or 7 => Request.Get, 2 => Request.Delete, _ => Request.Other },
        2 => msg switch { 0 => Request.New, 1 or 3 => Request.Get, 2 => Request.Delete, _ => Request.Other },
        7 => msg switch { 0 => Request.New, 1 or 2 => Request.Get, 3 => Request.Delete, _ => Request.Other },
        8 or 9 => msg switch { 0 => Request.New, 1 => Request.Get, 2 => Request.Delete, _ => Request.Other },
        10 => msg switch
        {
            0 or 3 or 6 or 9 or 12 or 15 or 18 or 22 => Request.New,
            1 or 4 or 7 or 10 or 13 or 16 or 19 or 21 or 23 => Request.Get,
            2 or 5 or 8 or 11 or 14 or 20 or 24 => Request.Delete,
            _ => Request.Other,
        },
        11 or 12 => msg == 0 ? Request.Get : Request.Other,
        _ => Request.Other,
    };
}
