using System.Text;
using Syscope.Interop;
using Syscope.Kernel;

namespace Syscope.Tracing;

/// <summary>
/// --system-wide, --cgroup PATH, --comm NAME: the processes traced when they are not named by pid
/// (the eBPF backend only): every process but syscope itself, narrowed to a cgroup v2 and the
/// cgroups below it, and to a process name (comm, as `ps -o comm` and pgrep show it: the kernel
/// keeps 15 bytes of it).
/// </summary>
internal sealed record TraceScope
{
    /// <summary>The cgroup as given; null for any.</summary>
    public string? CgroupPath { get; init; }
    /// <summary>Its cgroup v2 id: the directory's inode number, what bpf_get_current_cgroup_id says.</summary>
    public ulong CgroupId { get; init; }
    /// <summary>How deep it lies below the hierarchy's root (the root is 0).</summary>
    public int CgroupLevel { get; init; }
    /// <summary>The process name, at most <see cref="CommLength"/> bytes of UTF-8; null for any.</summary>
    public byte[]? Comm { get; init; }

    /// <summary>Bytes of a name the kernel keeps (TASK_COMM_LEN less its NUL).</summary>
    public const int CommLength = 15;

    /// <summary>--comm NAME: a longer name could never match, so it is refused rather than cut.</summary>
    public static byte[] CommOf(string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        if (bytes.Length == 0) throw new UserError("--comm: the process name is empty");
        if (bytes.Length > CommLength)
            throw new UserError($"--comm: process names are at most {CommLength} bytes (the kernel keeps no more): {Text.UntrustedText.Quote(name)}");
        if (bytes.Contains((byte)0)) throw new UserError("--comm: a process name has no NUL byte");
        return bytes;
    }

    /// <summary>--cgroup PATH: the directory of a cgroup v2 (under /sys/fs/cgroup, say), its id and
    /// depth.  The depth is counted up to the mount's root, where the device changes.</summary>
    public static (ulong Id, int Level) CgroupOf(string path)
    {
        string shown = Text.UntrustedText.Quote(path);
        int rc = FileStatus.Stat(path, out var st);
        if (rc != 0) throw new UserError($"--cgroup {shown}: {Errno.Message(-rc)}");
        if (st.Type != FileStat.S_IFDIR || FileStatus.Stat(Path.Combine(path, "cgroup.controllers"), out _) != 0)
            throw new UserError($"--cgroup {shown}: not a cgroup v2 directory (such as /sys/fs/cgroup/system.slice/NAME.service)");
        int level = 0;
        string dir = Path.GetFullPath(path).TrimEnd('/');
        while (dir.Length > 0)
        {
            string parent = Path.GetDirectoryName(dir) ?? "";
            if (parent.Length == 0 || FileStatus.Stat(parent, out var up) != 0 || up.Device != st.Device) break;
            level++;
            dir = parent;
        }
        return (st.Inode, level);
    }
}
