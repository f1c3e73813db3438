using System.Text.RegularExpressions;

namespace Syscope.Tests.Differential;

/// <summary>What legitimately differs between two runs of the same program, replaced by fixed
/// tokens so that only decoding differences remain: addresses, pids, ports, clocks, random bytes,
/// the " = " column (it moves with the pid prefix's width) and the "_" variable naming the tracer.</summary>
public static partial class Masking
{
    private static readonly (Regex Pattern, string Replacement)[] s_rules =
    [
        (PidPrefix(), ""),
        (Padding(), ") ="),
        (Address(), "0xADDR"),
        (Random(), "getrandom(\"RANDOM\""),
        (PidReturn(), "$1 = PID"),
        (SigreturnValue(), "$1 = RET"),
        (PidField(), "$1=PID"),
        (PidArg(), "$1(PID"),
        (Tid(), "[TID]"),
        (Port(), "htons(PORT)"),
        (Times(), "$1=T"),
        (DateComment(), "/* DATE */"),
        (Counters(), "$1"),
        (Tracer(), "\"_=TRACER\""),
        (EpollData(), "u64=DATA"),
        (Inode(), "$1=INO"),
        (ObjectInode(), "$1:[INO]"),
        // netlink branch: glibc numbers its requests by the clock, the kernel answers to the port
        // id (the pid), and interface counters move between two runs.
        (NetlinkSeq(), "nlmsg_seq=SEQ"),
        (NetlinkPid(), "nlmsg_pid=PID"),
        (LinkCounters(), "$1=N"),
        (NetlinkPad(), "nl_pad=PAD"),
    ];

    public static string Line(string line)
    {
        foreach (var (pattern, replacement) in s_rules) line = pattern.Replace(line, replacement);
        return line;
    }

    [GeneratedRegex(@"^(\[pid +\d+\] |\d+ +)")] private static partial Regex PidPrefix();
    [GeneratedRegex(@"\) +=")] private static partial Regex Padding();
    [GeneratedRegex(@"0x[1-9a-f][0-9a-f]{5,}")] private static partial Regex Address();
    [GeneratedRegex(@"getrandom\(""[^""]*""")] private static partial Regex Random();
    [GeneratedRegex(@"^((?:(?:clone3?|vfork|fork|wait4|waitid|getpid|gettid|getppid|set_tid_address|getpgrp|getpgid|getsid|rt_sigreturn)\(|<\.\.\. (?:clone3?|wait4|vfork|rt_sigreturn) resumed>).*) = \d+")]
    private static partial Regex PidReturn();
    /// <summary>rt_sigreturn returns whatever the interrupted call did, which depends on timing.</summary>
    [GeneratedRegex(@"^(rt_sigreturn\(.*\)) = .*$")] private static partial Regex SigreturnValue();
    [GeneratedRegex(@"\b(si_pid|l_pid|nl_pid|pid|si_utime|si_stime)=\d+( /\* [\d.]+ s \*/)?")] private static partial Regex PidField();
    [GeneratedRegex(@"^((?:wait4|kill|tgkill|tkill|getpgid|setpgid|prlimit64))\(\d{2,}(, \d{3,})?")] private static partial Regex PidArg();
    [GeneratedRegex(@"\[\d{3,}\]")] private static partial Regex Tid();
    [GeneratedRegex(@"htons\(\d{4,5}\)")] private static partial Regex Port();
    [GeneratedRegex(@"\b(tv_sec|tv_nsec|tv_usec|st_[amc]time(?:_nsec)?|uptime)=\d+")] private static partial Regex Times();
    [GeneratedRegex(@"/\* \d{4}-\d\d-\d\dT[^*]*\*/")] private static partial Regex DateComment();
    [GeneratedRegex(@"\b(loads|freeram|sharedram|bufferram|procs|f_bfree|f_bavail|f_ffree)=(\[[^\]]*\]|\d+)")] private static partial Regex Counters();
    [GeneratedRegex(@"""_=[^""]*""(\.\.\.)?")] private static partial Regex Tracer();
    /// <summary>epoll data often carries a pointer, which moves with address randomisation.</summary>
    [GeneratedRegex(@"u64=\d{6,}")] private static partial Regex EpollData();
    [GeneratedRegex(@"\b(st_ino|d_ino|stx_ino)=\d+")] private static partial Regex Inode();
    [GeneratedRegex(@"\b(socket|pipe|anon_inode:\w+|net|mnt):\[\d+\]")] private static partial Regex ObjectInode();
    [GeneratedRegex(@"nlmsg_seq=\d{6,}")] private static partial Regex NetlinkSeq();
    [GeneratedRegex(@"nlmsg_pid=-?[1-9]\d*")] private static partial Regex NetlinkPid();
    [GeneratedRegex(@"\b((?:rx|tx)_[a-z_]+|multicast|collisions)=\d+")] private static partial Regex LinkCounters();
    /// <summary>Python's bind((0, 0)) leaves sockaddr_nl's padding uninitialised.</summary>
    [GeneratedRegex(@"nl_pad=0x[0-9a-f]+")] private static partial Regex NetlinkPad();
}
