namespace Syscope.Tests.Infrastructure;

/// <summary>The one way a test skips: a fact that needs something this machine may lack skips and
/// says which, instead of passing quietly.  A requirement is "root", "kvm" (/dev/kvm usable), "tracefs" (its syscall
/// events readable), "ebpf" (what syscope's eBPF
/// backend needs: libbpf, privileges, BTF, kernel version), "interface N=NAME" (network interface N
/// is NAME here), or a program looked up on PATH and in the sbin folders (gcc, lsof, mariadbd).  Anything else a test needs must work, or the test fails.</summary>
public sealed class NeedsFactAttribute : FactAttribute
{
    public NeedsFactAttribute(params string[] requirements) => Skip = Machine.MissingRequirement(requirements);
}

/// <summary>A theory that needs something this machine may lack, like <see cref="NeedsFactAttribute"/>.</summary>
public sealed class NeedsTheoryAttribute : TheoryAttribute
{
    public NeedsTheoryAttribute(params string[] requirements) => Skip = Machine.MissingRequirement(requirements);
}

public static class Machine
{
    public static bool IsRoot => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:") && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");

    /// <summary>The program's path on PATH or in the sbin folders (mariadbd lives there), or null.</summary>
    public static string? Find(string program)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin", "/sbin"]);
        return dirs.Where(d => d.Length > 0).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>Where the cgroup v2 hierarchy is mounted (/sys/fs/cgroup, or /sys/fs/cgroup/unified on
    /// a hybrid system), or null.</summary>
    public static string? Cgroup2Root => File.ReadLines("/proc/self/mounts").Select(l => l.Split(' '))
        .FirstOrDefault(f => f.Length > 2 && f[2] == "cgroup2")?[1];

    private static bool KvmUsable
    {
        get
        {
            try { using var kvm = File.Open("/dev/kvm", FileMode.Open, FileAccess.ReadWrite); return true; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        }
    }

    /// <summary>Why a test cannot run here, or null when it can.</summary>
    public static string? MissingRequirement(string[] requirements)
    {
        foreach (var r in requirements)
        {
            if (r == "root")
            {
                if (!IsRoot) return "needs root (to trace or read other users' processes)";
            }
            else if (r == "ebpf")
            {
                if (Syscope.Tracing.Ebpf.EbpfSupport.Missing is { } why) return "needs the eBPF backend: " + why;
            }
            else if (r == "tracefs")
            {
                if (!Directory.Exists("/sys/kernel/tracing/events/syscalls")) return "needs tracefs's syscall events (/sys/kernel/tracing, as root)";
            }
            else if (r == "kvm")
            {
                if (!KvmUsable) return "needs /dev/kvm, readable and writable (hardware virtualisation)";
            }
            else if (r == "cgroup2")
            {
                if (Cgroup2Root == null) return "needs a cgroup v2 hierarchy mounted (/sys/fs/cgroup or /sys/fs/cgroup/unified)";
            }
            else if (r.StartsWith("interface "))
            {
                var (index, name) = (r["interface ".Length..r.IndexOf('=')], r[(r.IndexOf('=') + 1)..]);
                string file = $"/sys/class/net/{name}/ifindex";
                if (!File.Exists(file) || File.ReadAllText(file).Trim() != index)
                    return $"needs network interface {index} to be {name}, as on the machine the test's data was captured on";
            }
            else if (Find(r) == null) return $"needs {r}: install the Debian packages tools/test.sh installs";
        }
        return null;
    }
}
