using Syscope.Events;
using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Why;

/// <summary>
/// What a thread blocked in futex() waits for, from the operation and the futex word read from the
/// process's memory.  glibc's conventions make the kinds recognisable: a mutex waits with FUTEX_WAIT
/// and the value 2 ("locked, with waiters"), the owner's TID 8 bytes further in pthread_mutex_t;
/// a PI or robust mutex keeps the owner's TID in the word itself; pthread_join waits with
/// FUTEX_WAIT_BITSET on the joined thread's TID; condition variables and semaphores wait with
/// FUTEX_WAIT_BITSET on a counter.
/// </summary>
internal static class FutexWaits
{
    public const int Wait = 0, LockPi = 6, WaitBitset = 9, WaitRequeuePi = 11, LockPi2 = 13;
    private const uint TidMask = 0x3fffffff;
    private const int MutexOwnerOffset = 8;

    /// <param name="holder">The thread of this process the wait depends on (a mutex's owner, the
    /// thread joined) and the link in a deadlock sentence; (0, "") when none.</param>
    public static string Describe(int pid, ulong[] a, ITraceeMemory m, IReadOnlyCollection<int> tids, out Lead? lead, out (int Tid, string Link) holder)
    {
        lead = null;
        holder = (0, "");
        int cmd = (int)a[1] & 0x7f;
        uint val = (uint)a[2];
        uint? word = ReadU32(m, a[0]);
        switch (cmd)
        {
            case LockPi or LockPi2 when word is uint w && (w & TidMask) != 0:
                holder = ((int)(w & TidMask), "priority-inheritance mutex");
                return $"for a priority-inheritance mutex held by {Owner(pid, (int)(w & TidMask), tids, out lead)}";
            case LockPi or LockPi2:
                return "for a priority-inheritance mutex";
            case WaitRequeuePi:
                return "for a condition variable (priority inheritance)";
            case Wait when val == 2:
                if (ReadU32(m, a[0] + MutexOwnerOffset) is not uint owner || owner == 0 || !tids.Contains((int)owner))
                    return "for a mutex (its owner is not recorded where glibc keeps it)";
                holder = ((int)owner, "mutex");
                return $"for a mutex held by {Owner(pid, (int)owner, tids, out lead)}";
            case Wait when (val & TidMask) != 0 && (val & ~TidMask) != 0 && IsThread((int)(val & TidMask)):
                holder = ((int)(val & TidMask), "robust mutex");
                return $"for a robust mutex held by {Owner(pid, (int)(val & TidMask), tids, out lead)}";
            case WaitBitset when word == val && val != 0 && tids.Contains((int)val):
                holder = ((int)val, "pthread_join");
                return $"for thread {val} ({ThreadName(pid, (int)val)}) to exit (pthread_join)";
            case WaitBitset:
                return "for a condition variable or semaphore (futex)";
        }
        return "for a lock or condition variable (futex)";
    }

    /// <summary>"thread 812 (worker)", or for a thread of another process (a mutex in shared
    /// memory) "thread 900 of postgres (PID 899)", which the chain then follows.</summary>
    private static string Owner(int pid, int tid, IReadOnlyCollection<int> tids, out Lead? lead)
    {
        lead = null;
        if (tids.Contains(tid)) return $"thread {tid} ({ThreadName(pid, tid)})";
        string? status = ProcText.TryRead($"/proc/{tid}/status");
        if (status == null || !ProcStatus.TryParse(status, out var st)) return $"thread {tid}, which has exited";
        string command = WhySession.CommandOf(st.Tgid);
        lead = new Lead(st.Tgid, command, -1, $"mutex held by thread {tid}", $"holding the mutex in thread {tid}");
        return $"thread {tid} of {command} (PID {st.Tgid})";
    }

    private static bool IsThread(int tid) => Directory.Exists($"/proc/{tid}");

    private static string ThreadName(int pid, int tid) =>
        ProcText.TryRead($"/proc/{pid}/task/{tid}/comm") is { } c ? Text.UntrustedText.Escape(c.TrimEnd('\n')) : "exited";

    private static uint? ReadU32(ITraceeMemory m, ulong addr)
    {
        Span<byte> buf = stackalloc byte[4];
        return addr != 0 && m.Read(addr, buf) == 4 ? BitConverter.ToUInt32(buf) : null;
    }
}
