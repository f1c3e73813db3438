using System.Text.RegularExpressions;

namespace Syscope.Tests.Differential;

/// <summary>What legitimately differs between two runs of the same program, replaced by fixed
/// tokens so that only decoding differences remain: addresses, pids, ports, clocks, random bytes,
/// the " = " column (it moves with the pid prefix's width), -T times and the "_" variable naming the tracer.</summary>
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
        (PtracePid(), "$1, PID"),
        (Tid(), "[TID]"),
        (Port(), "htons(PORT)"),
        (RawPort(), "$1=\"PORT\""),
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
        (Duration(), " <T>"),
        // -yy: socket inodes, ports, netlink port ids (the tracee's pid) and pidfd pids.
        (SocketInode(), "$1:[INO"),
        (PeerInode(), "$1->INO"),
        (EndpointPort(), "$1:PORT"),
        (NetlinkPortId(), "$1:PID]"),
        (PidfdPid(), "<pid:PID>"),
        // zeroA: System V IPC ids count up with every object the machine creates.
        (IpcIdReturn(), "$1IPCID"),
        (IpcIdArg(), "$1(IPCID"),
    ];

    public static string Line(string line)
    {
        foreach (var (pattern, replacement) in s_rules) line = pattern.Replace(line, replacement);
        return line;
    }

    /// <summary>Masks a whole run: each line, then the data of descriptors that carry random bytes
    /// (reads from /dev/urandom, and writes to sqlite's journal, whose header holds a random nonce
    /// that seeds the checksum after every page), which only the open that returned the descriptor
    /// can identify; and the lengths glibc trims off a new thread's malloc arena: it reserves
    /// 128 MiB and unmaps what lies outside a 64 MiB-aligned half, which depends on where address
    /// randomisation put the reservation.</summary>
    public static List<string> Run(IEnumerable<string> lines)
    {
        var sources = new Dictionary<string, bool>();  // fd -> is the journal (else /dev/urandom)
        var masked = new List<string>();
        int trims = 0;
        foreach (var raw in lines)
        {
            string line = Line(raw);
            if (line.StartsWith("mmap(NULL, 134217728, ")) trims = 2;
            else if (trims > 0 && ArenaTrim().IsMatch(line)) { line = ArenaTrim().Replace(line, "$1LEN"); trims--; }
            else if (RandomSource().Match(line) is { Success: true } open) sources[open.Groups[2].Value] = open.Groups[1].Value.EndsWith("-journal");
            else if (Close().Match(line) is { Success: true } close) sources.Remove(close.Groups[1].Value);
            else if (DataCall().Match(line) is { Success: true } data && sources.TryGetValue(data.Groups[2].Value, out bool journal)
                && (journal ? data.Groups[1].Value[0] != 'r' : data.Groups[1].Value[0] == 'r'))
                line = line[..data.Groups[3].Index] + "\"RANDOM\"" + line[(data.Groups[3].Index + data.Groups[3].Length)..];
            masked.Add(line);
        }
        return masked;
    }

    [GeneratedRegex(@"^open(?:at)?\(.*""(/dev/urandom|[^""]*-journal)"".* = (\d+)")] private static partial Regex RandomSource();
    [GeneratedRegex(@"^close\((\d+)")] private static partial Regex Close();
    [GeneratedRegex(@"^(munmap\(0xADDR, )\d+(?=\) )")] private static partial Regex ArenaTrim();
    [GeneratedRegex(@"^(read|pread64|write|pwrite64)\((\d+)(?:<[^>]*>)*, (""(?:[^""\\]|\\.)*""(?:\.\.\.)?)")] private static partial Regex DataCall();

    [GeneratedRegex(@"^(\[pid +\d+\] |\d+ +)")] private static partial Regex PidPrefix();
    [GeneratedRegex(@"^((?:shm|sem|msg)get\((?:IPC_PRIVATE|0\b).*\) = )\d+$")] private static partial Regex IpcIdReturn();
    [GeneratedRegex(@"^(shmat|shmctl|semop|semtimedop|semctl|msgsnd|msgrcv|msgctl)\(\d+")] private static partial Regex IpcIdArg();
    /// <summary>-T: the time spent in the call.</summary>
    [GeneratedRegex(@" <\d+\.\d+>$")] private static partial Regex Duration();
    [GeneratedRegex(@"\) +=")] private static partial Regex Padding();
    [GeneratedRegex(@"0x[1-9a-f][0-9a-f]{5,}")] private static partial Regex Address();
    [GeneratedRegex(@"getrandom\(""[^""]*""")] private static partial Regex Random();
    [GeneratedRegex(@"^((?:(?:clone3?|vfork|fork|wait4|waitid|getpid|gettid|getppid|set_tid_address|getpgrp|getpgid|getsid|rt_sigreturn)\(|<\.\.\. (?:clone3?|wait4|vfork|rt_sigreturn) resumed>).*) = \d+")]
    private static partial Regex PidReturn();
    /// <summary>rt_sigreturn returns whatever the interrupted call did, which depends on timing.</summary>
    [GeneratedRegex(@"^(rt_sigreturn\(.*\)) = .*$")] private static partial Regex SigreturnValue();
    [GeneratedRegex(@"\b(si_pid|l_pid|nl_pid|pid|si_utime|si_stime)=\d+( /\* [\d.]+ s \*/)?")] private static partial Regex PidField();
    [GeneratedRegex(@"^((?:wait4|kill|tgkill|tkill|getpgid|setpgid|prlimit64|pidfd_open))\(\d{2,}(, \d{3,})?")] private static partial Regex PidArg();
    /// <summary>ptrace's tracee (admin.c's child) is its second argument.</summary>
    [GeneratedRegex(@"^(ptrace\([^,]+), \d{2,}")] private static partial Regex PtracePid();
    [GeneratedRegex(@"\[\d{3,}\]")] private static partial Regex Tid();
    /// <summary>-X raw and verbose show a port as its two bytes.</summary>
    [GeneratedRegex(@"\b(sin6?_port)=""(\\x[0-9a-f]{2}){2}""")] private static partial Regex RawPort();
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
    [GeneratedRegex(@"\b([A-Z][A-Za-z0-9/-]*):\[\d+(?=[],]|->)")] private static partial Regex SocketInode();
    [GeneratedRegex(@"(:\[INO)->\d+")] private static partial Regex PeerInode();
    [GeneratedRegex(@"((?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-f:.]+\]):\d+(?=->|\]>)")] private static partial Regex EndpointPort();
    [GeneratedRegex(@"(NETLINK:\[[A-Z_]+):\d+\]")] private static partial Regex NetlinkPortId();
    [GeneratedRegex(@"<pid:\d+>")] private static partial Regex PidfdPid();
}
