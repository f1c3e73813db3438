namespace Syscope.Decoding.Constants;

/// <summary>Message types of the netlink families other than NETLINK_ROUTE and NETLINK_SOCK_DIAG,
/// with the kernel header each comes from.</summary>
internal static class NetlinkFamilyConstants
{
    public const int NETLINK_XFRM = 6, NETLINK_SELINUX = 7, NETLINK_AUDIT = 9, NETLINK_NETFILTER = 12,
        NETLINK_KOBJECT_UEVENT = 15, NETLINK_GENERIC = 16, NETLINK_CRYPTO = 21;

    /// <summary>Names numbered from first on: the members of a C enum.</summary>
    internal static Named[] Sequence(ulong first, params string[] names)
    {
        var rows = new Named[names.Length];
        for (int i = 0; i < names.Length; i++) rows[i] = new(first + (ulong)i, names[i]);
        return rows;
    }

    /// <summary>&lt;linux/audit.h&gt;.</summary>
    public static readonly ValueSet AuditTypes = new("AUDIT_???", false,
    [
        .. Sequence(1000, "AUDIT_GET", "AUDIT_SET", "AUDIT_LIST", "AUDIT_ADD", "AUDIT_DEL", "AUDIT_USER", "AUDIT_LOGIN",
            "AUDIT_WATCH_INS", "AUDIT_WATCH_REM", "AUDIT_WATCH_LIST", "AUDIT_SIGNAL_INFO", "AUDIT_ADD_RULE", "AUDIT_DEL_RULE",
            "AUDIT_LIST_RULES", "AUDIT_TRIM", "AUDIT_MAKE_EQUIV", "AUDIT_TTY_GET", "AUDIT_TTY_SET", "AUDIT_SET_FEATURE",
            "AUDIT_GET_FEATURE"),
        new(1100, "AUDIT_FIRST_USER_MSG"), new(1107, "AUDIT_USER_AVC"), new(1124, "AUDIT_USER_TTY"), new(1199, "AUDIT_LAST_USER_MSG"),
        .. Sequence(1200, "AUDIT_DAEMON_START", "AUDIT_DAEMON_END", "AUDIT_DAEMON_ABORT", "AUDIT_DAEMON_CONFIG"),
        .. Sequence(1300, "AUDIT_SYSCALL", "AUDIT_FS_WATCH", "AUDIT_PATH", "AUDIT_IPC", "AUDIT_SOCKETCALL", "AUDIT_CONFIG_CHANGE",
            "AUDIT_SOCKADDR", "AUDIT_CWD"),
        new(1309, "AUDIT_EXECVE"),
        .. Sequence(1311, "AUDIT_IPC_SET_PERM", "AUDIT_MQ_OPEN", "AUDIT_MQ_SENDRECV", "AUDIT_MQ_NOTIFY", "AUDIT_MQ_GETSETATTR",
            "AUDIT_KERNEL_OTHER", "AUDIT_FD_PAIR", "AUDIT_OBJ_PID", "AUDIT_TTY", "AUDIT_EOE", "AUDIT_BPRM_FCAPS", "AUDIT_CAPSET",
            "AUDIT_MMAP", "AUDIT_NETFILTER_PKT", "AUDIT_NETFILTER_CFG", "AUDIT_SECCOMP", "AUDIT_PROCTITLE", "AUDIT_FEATURE_CHANGE",
            "AUDIT_REPLACE", "AUDIT_KERN_MODULE", "AUDIT_FANOTIFY", "AUDIT_TIME_INJOFFSET", "AUDIT_TIME_ADJNTPVAL", "AUDIT_BPF",
            "AUDIT_EVENT_LISTENER", "AUDIT_URINGOP", "AUDIT_OPENAT2", "AUDIT_DM_CTRL", "AUDIT_DM_EVENT"),
        .. Sequence(1400, "AUDIT_AVC", "AUDIT_SELINUX_ERR", "AUDIT_AVC_PATH", "AUDIT_MAC_POLICY_LOAD", "AUDIT_MAC_STATUS",
            "AUDIT_MAC_CONFIG_CHANGE", "AUDIT_MAC_UNLBL_ALLOW", "AUDIT_MAC_CIPSOV4_ADD", "AUDIT_MAC_CIPSOV4_DEL", "AUDIT_MAC_MAP_ADD",
            "AUDIT_MAC_MAP_DEL", "AUDIT_MAC_IPSEC_ADDSA", "AUDIT_MAC_IPSEC_DELSA", "AUDIT_MAC_IPSEC_ADDSPD", "AUDIT_MAC_IPSEC_DELSPD",
            "AUDIT_MAC_IPSEC_EVENT", "AUDIT_MAC_UNLBL_STCADD", "AUDIT_MAC_UNLBL_STCDEL", "AUDIT_MAC_CALIPSO_ADD", "AUDIT_MAC_CALIPSO_DEL"),
        .. Sequence(1700, "AUDIT_ANOM_PROMISCUOUS", "AUDIT_ANOM_ABEND", "AUDIT_ANOM_LINK", "AUDIT_ANOM_CREAT"),
        new(1799, "AUDIT_LAST_KERN_ANOM_MSG"),
        .. Sequence(1800, "AUDIT_INTEGRITY_DATA", "AUDIT_INTEGRITY_METADATA", "AUDIT_INTEGRITY_STATUS", "AUDIT_INTEGRITY_HASH",
            "AUDIT_INTEGRITY_PCR", "AUDIT_INTEGRITY_RULE", "AUDIT_INTEGRITY_EVM_XATTR", "AUDIT_INTEGRITY_POLICY_RULE"),
        new(2000, "AUDIT_KERNEL"), new(2100, "AUDIT_FIRST_USER_MSG2"), new(2999, "AUDIT_LAST_USER_MSG2"),
    ]);

    /// <summary>&lt;linux/selinux_netlink.h&gt;.</summary>
    public const ushort SELNL_MSG_SETENFORCE = 0x10, SELNL_MSG_POLICYLOAD = 0x11;

    public static readonly ValueSet SelinuxTypes = new("SELNL_MSG_???", false,
        new(SELNL_MSG_SETENFORCE, "SELNL_MSG_SETENFORCE"), new(SELNL_MSG_POLICYLOAD, "SELNL_MSG_POLICYLOAD"));

    /// <summary>&lt;linux/xfrm.h&gt;.</summary>
    public static readonly ValueSet XfrmTypes = new("XFRM_MSG_???", false, Sequence(0x10,
        "XFRM_MSG_NEWSA", "XFRM_MSG_DELSA", "XFRM_MSG_GETSA", "XFRM_MSG_NEWPOLICY", "XFRM_MSG_DELPOLICY", "XFRM_MSG_GETPOLICY",
        "XFRM_MSG_ALLOCSPI", "XFRM_MSG_ACQUIRE", "XFRM_MSG_EXPIRE", "XFRM_MSG_UPDPOLICY", "XFRM_MSG_UPDSA", "XFRM_MSG_POLEXPIRE",
        "XFRM_MSG_FLUSHSA", "XFRM_MSG_FLUSHPOLICY", "XFRM_MSG_NEWAE", "XFRM_MSG_GETAE", "XFRM_MSG_REPORT", "XFRM_MSG_MIGRATE",
        "XFRM_MSG_NEWSADINFO", "XFRM_MSG_GETSADINFO", "XFRM_MSG_NEWSPDINFO", "XFRM_MSG_GETSPDINFO", "XFRM_MSG_MAPPING",
        "XFRM_MSG_SETDEFAULT", "XFRM_MSG_GETDEFAULT"));

    /// <summary>&lt;linux/cryptouser.h&gt;.</summary>
    public static readonly ValueSet CryptoTypes = new("CRYPTO_MSG_???", false, Sequence(0x10,
        "CRYPTO_MSG_NEWALG", "CRYPTO_MSG_DELALG", "CRYPTO_MSG_UPDATEALG", "CRYPTO_MSG_GETALG", "CRYPTO_MSG_DELRNG"));

    /// <summary>&lt;linux/netfilter/nfnetlink.h&gt;: a NETLINK_NETFILTER type is subsystem &lt;&lt; 8 | message,
    /// apart from the batch markers.</summary>
    public const ushort NFNL_MSG_BATCH_BEGIN = 0x10;

    public static readonly ValueSet NetfilterBatch = new("NFNL_MSG_???", false,
        new(0x10, "NFNL_MSG_BATCH_BEGIN"), new(0x11, "NFNL_MSG_BATCH_END"));

    public static readonly ValueSet NetfilterSubsystems = new("NFNL_SUBSYS_???", false, Sequence(0,
        "NFNL_SUBSYS_NONE", "NFNL_SUBSYS_CTNETLINK", "NFNL_SUBSYS_CTNETLINK_EXP", "NFNL_SUBSYS_QUEUE", "NFNL_SUBSYS_ULOG",
        "NFNL_SUBSYS_OSF", "NFNL_SUBSYS_IPSET", "NFNL_SUBSYS_ACCT", "NFNL_SUBSYS_CTNETLINK_TIMEOUT", "NFNL_SUBSYS_CTHELPER",
        "NFNL_SUBSYS_NFTABLES", "NFNL_SUBSYS_NFT_COMPAT", "NFNL_SUBSYS_HOOK"));

    /// <summary>Each subsystem's messages (&lt;linux/netfilter/nfnetlink_*.h&gt;, nf_tables.h, ipset/ip_set.h),
    /// indexed by subsystem; null where strace names none.</summary>
    public static readonly ValueSet?[] NetfilterMessages =
    [
        null,
        new("IPCTNL_MSG_CT_???", false, Sequence(0, "IPCTNL_MSG_CT_NEW", "IPCTNL_MSG_CT_GET", "IPCTNL_MSG_CT_DELETE",
            "IPCTNL_MSG_CT_GET_CTRZERO", "IPCTNL_MSG_CT_GET_STATS_CPU", "IPCTNL_MSG_CT_GET_STATS", "IPCTNL_MSG_CT_GET_DYING",
            "IPCTNL_MSG_CT_GET_UNCONFIRMED")),
        new("IPCTNL_MSG_EXP_???", false, Sequence(0, "IPCTNL_MSG_EXP_NEW", "IPCTNL_MSG_EXP_GET", "IPCTNL_MSG_EXP_DELETE",
            "IPCTNL_MSG_EXP_GET_STATS_CPU")),
        new("NFQNL_MSG_???", false, Sequence(0, "NFQNL_MSG_PACKET", "NFQNL_MSG_VERDICT", "NFQNL_MSG_CONFIG", "NFQNL_MSG_VERDICT_BATCH")),
        new("NFULNL_MSG_???", false, Sequence(0, "NFULNL_MSG_PACKET", "NFULNL_MSG_CONFIG")),
        new("OSF_MSG_???", false, Sequence(0, "OSF_MSG_ADD", "OSF_MSG_REMOVE")),
        new("IPSET_CMD_???", false,
        [
            .. Sequence(0, "IPSET_CMD_NONE", "IPSET_CMD_PROTOCOL", "IPSET_CMD_CREATE", "IPSET_CMD_DESTROY", "IPSET_CMD_FLUSH",
                "IPSET_CMD_RENAME", "IPSET_CMD_SWAP", "IPSET_CMD_LIST", "IPSET_CMD_SAVE", "IPSET_CMD_ADD", "IPSET_CMD_DEL",
                "IPSET_CMD_TEST", "IPSET_CMD_HEADER", "IPSET_CMD_TYPE"),
            .. Sequence(16, "IPSET_CMD_RESTORE", "IPSET_CMD_HELP", "IPSET_CMD_VERSION", "IPSET_CMD_QUIT", "IPSET_CMD_COMMIT"),
        ]),
        new("NFNL_MSG_ACCT_???", false, Sequence(0, "NFNL_MSG_ACCT_NEW", "NFNL_MSG_ACCT_GET", "NFNL_MSG_ACCT_GET_CTRZERO",
            "NFNL_MSG_ACCT_DEL", "NFNL_MSG_ACCT_OVERQUOTA")),
        new("IPCTNL_MSG_TIMEOUT_???", false, Sequence(0, "IPCTNL_MSG_TIMEOUT_NEW", "IPCTNL_MSG_TIMEOUT_GET",
            "IPCTNL_MSG_TIMEOUT_DELETE", "IPCTNL_MSG_TIMEOUT_DEFAULT_SET", "IPCTNL_MSG_TIMEOUT_DEFAULT_GET")),
        new("NFNL_MSG_CTHELPER_???", false, Sequence(0, "NFNL_MSG_CTHELPER_NEW", "NFNL_MSG_CTHELPER_GET", "NFNL_MSG_CTHELPER_DEL")),
        new("NFT_MSG_???", false, Sequence(0, "NFT_MSG_NEWTABLE", "NFT_MSG_GETTABLE", "NFT_MSG_DELTABLE", "NFT_MSG_NEWCHAIN",
            "NFT_MSG_GETCHAIN", "NFT_MSG_DELCHAIN", "NFT_MSG_NEWRULE", "NFT_MSG_GETRULE", "NFT_MSG_DELRULE", "NFT_MSG_NEWSET",
            "NFT_MSG_GETSET", "NFT_MSG_DELSET", "NFT_MSG_NEWSETELEM", "NFT_MSG_GETSETELEM", "NFT_MSG_DELSETELEM", "NFT_MSG_NEWGEN",
            "NFT_MSG_GETGEN", "NFT_MSG_TRACE", "NFT_MSG_NEWOBJ", "NFT_MSG_GETOBJ", "NFT_MSG_DELOBJ", "NFT_MSG_GETOBJ_RESET",
            "NFT_MSG_NEWFLOWTABLE", "NFT_MSG_GETFLOWTABLE", "NFT_MSG_DELFLOWTABLE")),
        new("NFNL_MSG_COMPAT_???", false, new Named(0, "NFNL_MSG_COMPAT_GET")),
        new("NFT_MSG_HOOK_???", false, new Named(0, "NFNL_MSG_HOOK_GET")),
    ];

    /// <summary>&lt;linux/netfilter/nfnetlink.h&gt; nfgenmsg.version.</summary>
    public static readonly ValueSet NfnetlinkVersions = new("NFNETLINK_???", false, new Named(0, "NFNETLINK_V0"));
}
