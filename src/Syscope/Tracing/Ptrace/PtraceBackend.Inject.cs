using System.Diagnostics;
using Syscope.Filtering;
using Syscope.Interop;
using static Syscope.Interop.Ptrace;

namespace Syscope.Tracing.Ptrace;

/// <summary>
/// -e inject: the traced program really sees the injected result.  At entry the call number is
/// replaced by -1 so the kernel runs nothing; at exit rax gets the injected error or value.
/// Delays hold the tracee stopped without holding up the other tracees.
/// </summary>
internal sealed partial class PtraceBackend
{
    private readonly List<(long Until, Tracee Tracee, int Request, int Signal)> _delayed = new();

    private void InjectAtEntry(Tracee t)
    {
        t.Poked = false;
        t.InjectCounts ??= new Dictionary<int, long>();
        long n = t.InjectCounts[t.SyscallNumber] = t.InjectCounts.GetValueOrDefault(t.SyscallNumber) + 1;
        foreach (var rule in _filter.Injections)
        {
            if (!rule.Syscalls.Contains(t.SyscallNumber) || !rule.AppliesTo(n)) continue;
            t.Injecting = rule;
            // -1 makes the kernel run nothing; syscall= runs a harmless %pure call instead.
            if (rule.ChangesResult) Request(POKEUSER, t.Pid, OrigRaxOffset, rule.SubstituteSyscall ?? -1);
            // An exit the kernel will not run returns after all: the formatters must wait for it.
            _event.Injected = rule.ChangesResult;
            t.Poked = Poke(t, rule.PokeEnter);
            if (rule.DelayEnterMicros > 0) t.DelayUntil = Stopwatch.GetTimestamp() + rule.DelayEnterMicros * Stopwatch.Frequency / 1_000_000;
            return;
        }
    }

    private void InjectAtExit(Tracee t)
    {
        var rule = t.Injecting!;
        t.Injecting = null;
        if (rule.ChangesResult)
        {
            long value = rule.Error != 0 ? -rule.Error : rule.Retval!.Value;
            Request(POKEUSER, t.Pid, RaxOffset, (nint)value);
            _event.ReturnValue = value;
            _event.Injected = true;
            _event.InjectedValue = rule.Error == 0;
        }
        // Only memory really written counts as tampered with (strace: "(INJECTED: args, retval)"
        // with a changed result too); a poke that failed was said, and leaves no note.
        _event.InjectedArgs = Poke(t, rule.PokeExit) | t.Poked;
        t.Poked = false;
        if (rule.Signal != 0) t.InjectSignal = rule.Signal;
        _event.Delayed = rule.DelayEnterMicros > 0 || rule.DelayExitMicros > 0;
        if (rule.DelayExitMicros > 0) t.DelayUntil = Stopwatch.GetTimestamp() + rule.DelayExitMicros * Stopwatch.Frequency / 1_000_000;
    }

    /// <summary>Writes each poke into the memory its argument points to; whether any was written.
    /// An argument the call does not take is never written through (its register holds whatever
    /// was left there), and a bad pointer leaves memory alone: both are said, in strace's words.</summary>
    private bool Poke(Tracee t, IReadOnlyList<(int Arg, byte[] Data)> pokes)
    {
        bool poked = false;
        foreach (var (arg, data) in pokes)
        {
            var syscall = Syscalls.SyscallTable.Resolve(t.SyscallNumber);
            if (arg > syscall.ArgCount)
            {
                Say(t, $"Failed to tamper with process {t.Pid}: requested to tamper with argument #{arg}, but system call '{syscall.Name}' has only {syscall.ArgCount} arguments");
                continue;
            }
            // A read-only page (a string literal) takes the write through ptrace, as strace's does;
            // a write cut short by the end of the mapping still wrote (strace counts it as poked).
            int written = ProcessVm.Write(t.Pid, t.Args[arg - 1], data);
            if (written == data.Length || PokeData(t.Pid, t.Args[arg - 1], data) == 0 || written > 0) poked = true;
            else Say(t, $"Failed to tamper with process {t.Pid}: couldn't poke");
        }
        return poked;
    }

    private void Delay(Tracee t, int request, int sig)
    {
        _delayed.Add((t.DelayUntil, t, request, sig));
        t.DelayUntil = 0;
    }

    /// <summary>Resumes the tracees whose delay is over; returns how long until the next one is due
    /// (-1 when none waits), so the loop knows whether it may block in waitpid.</summary>
    private int ResumeDelayed()
    {
        if (_delayed.Count == 0) return -1;
        long now = Stopwatch.GetTimestamp();
        long next = long.MaxValue;
        for (int i = _delayed.Count - 1; i >= 0; i--)
        {
            var d = _delayed[i];
            if (d.Until <= now)
            {
                _delayed.RemoveAt(i);
                if (_tracees.ContainsKey(d.Tracee.Pid)) Request(d.Request, d.Tracee.Pid, 0, d.Signal);
            }
            else next = Math.Min(next, d.Until);
        }
        return next == long.MaxValue ? -1 : (int)Math.Max(1, (next - now) * 1000 / Stopwatch.Frequency);
    }
}
