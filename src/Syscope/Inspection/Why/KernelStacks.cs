using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Why;

/// <summary>A thread in uninterruptible sleep (state D): what the kernel is doing, from
/// /proc/PID/task/TID/stack (root only), as a reason where the frames say one and the first frames
/// past the scheduler.</summary>
internal static class KernelStacks
{
    /// <summary>Frame name fragments and what they mean, first match wins.</summary>
    private static readonly (string Frame, string Reason)[] s_reasons =
    [
        ("wait_for_vfork_done", "waiting for its vfork child to exec or exit"),
        ("__do_sys_vfork", "waiting for its vfork child to exec or exit"),
        ("jbd2", "waiting for an ext4 journal commit"),
        ("nfs", "waiting for an NFS server"),
        ("fuse", "waiting for a FUSE file system's server"),
        ("folio_wait", "waiting for a page to be read from or written to disk"),
        ("wait_on_page", "waiting for a page to be read from or written to disk"),
        ("blk_mq", "waiting for block device I/O"),
        ("io_schedule", "waiting for disk I/O"),
        ("rwsem", "waiting for a kernel read-write lock"),
        ("mutex_lock", "waiting for a kernel mutex"),
        ("coredump", "writing a core dump"),
    ];

    /// <summary>"waiting for its vfork child to exec or exit (kernel stack: wait_for_vfork_done &lt;-
    /// kernel_clone &lt;- __do_sys_vfork)", or null when the stack cannot be read.</summary>
    public static string? Summary(int pid, int tid)
    {
        string? text;
        try { text = ProcText.TryRead($"/proc/{pid}/task/{tid}/stack"); }
        catch (UserError) { return null; }
        if (string.IsNullOrWhiteSpace(text)) return null;
        var frames = new List<string>();
        foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "[<0>] wait_for_vfork_done+0x1c/0x30"
            string frame = raw[(raw.IndexOf(']') + 1)..].Trim();
            int plus = frame.IndexOf('+');
            if (plus > 0) frame = frame[..plus];
            if (frame.Length > 0 && !IsPlumbing(frame)) frames.Add(Text.UntrustedText.Escape(frame));
        }
        if (frames.Count == 0) return null;
        string? reason = s_reasons.FirstOrDefault(r => frames.Any(f => f.Contains(r.Frame, StringComparison.Ordinal))).Reason;
        string stack = $"kernel stack: {string.Join(" <- ", frames.Take(3))}";
        return reason == null ? stack : $"{reason} ({stack})";
    }

    /// <summary>Frames every sleeping thread has: the scheduler and the system call entry.</summary>
    private static bool IsPlumbing(string frame) =>
        frame.Contains("schedule", StringComparison.Ordinal) && !frame.StartsWith("io_schedule", StringComparison.Ordinal)
        || frame.StartsWith("entry_SYSCALL", StringComparison.Ordinal) || frame is "do_syscall_64" or "x64_sys_call"
        || frame.StartsWith("__x64_sys_", StringComparison.Ordinal);
}
