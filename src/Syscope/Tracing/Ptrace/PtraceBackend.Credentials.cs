using System.Runtime.InteropServices;
using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Kernel.Abi;
using static Syscope.Interop.Ptrace;

namespace Syscope.Tracing.Ptrace;

/// <summary>
/// -u USER: the command runs with the user's uid, gid and supplementary groups, as strace's child
/// sets them before exec.  The launcher is seized and stopped before its execve, so the tracer makes
/// it run setgroups, setresgid and setresuid (in that order: dropping uid first would forbid the
/// rest) through one of its own `syscall` instructions, then puts its registers back.
/// </summary>
internal sealed partial class PtraceBackend
{
    private const int SetgroupsNr = 116, SetresgidNr = 119, SetresuidNr = 117;

    private void BecomeUser(int pid, RunAs user)
    {
        // The seize reports the launcher's group-stop first; injection starts from that stop.
        if (Wait.For(pid, out int status, Wait.Tracer) != pid || !Wait.Stopped(status))
            throw new UserError("-u: the launcher did not stop");
        Check(GetRegs(pid, out var saved), "ptrace(PTRACE_GETREGS)");
        ulong groupsAt = (saved.Rsp - 8192) & ~15UL;   // below the stub's stack data, unused
        var groups = MemoryMarshal.AsBytes(user.Groups.AsSpan());
        if (groups.Length > 0 && ProcessVm.Write(pid, groupsAt, groups) != groups.Length)
            throw new UserError("-u: cannot write the group list into the launcher");
        Inject(pid, saved, SetgroupsNr, (ulong)user.Groups.Length, groupsAt, 0, "setgroups");
        Inject(pid, saved, SetresgidNr, user.Gid, user.Gid, user.Gid, "setresgid");
        Inject(pid, saved, SetresuidNr, user.Uid, user.Uid, user.Uid, "setresuid");
        Check(SetRegs(pid, saved), "ptrace(PTRACE_SETREGS)");
    }

    private void Inject(int pid, UserRegs saved, int nr, ulong a0, ulong a1, ulong a2, string name)
    {
        var regs = saved;
        regs.Rax = (ulong)nr;
        regs.OrigRax = ulong.MaxValue;   // not in a syscall: no restart logic may rewrite rip
        regs.Rdi = a0;
        regs.Rsi = a1;
        regs.Rdx = a2;
        regs.Rip = LauncherStub.LoadAddress + LauncherStub.FirstSyscallOffset;
        Check(SetRegs(pid, regs), "ptrace(PTRACE_SETREGS)");
        // Entry stop, then exit stop: the call has run.
        for (int stop = 0; stop < 2; stop++)
        {
            Check(Request(SYSCALL, pid), "ptrace(PTRACE_SYSCALL)");
            if (Wait.For(pid, out int status, Wait.Tracer) != pid || !Wait.Stopped(status))
                throw new UserError($"-u: the launcher ended during {name}");
        }
        Check(GetRegs(pid, out var after), "ptrace(PTRACE_GETREGS)");
        long rc = (long)after.Rax;
        if (rc < 0) throw new UserError($"-u: {name}: {Errno.Message((int)-rc)}");
    }
}

/// <summary>The identity -u asks for: uid, primary gid and supplementary groups (initgroups).</summary>
internal sealed record RunAs(uint Uid, uint Gid, uint[] Groups);
