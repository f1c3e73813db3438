using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>ptrace(2) requests, options and events, as in &lt;linux/ptrace.h&gt;.</summary>
internal static unsafe partial class Ptrace
{
    public const int PEEKDATA = 2, POKEDATA = 5, PEEKUSER = 3, POKEUSER = 6, CONT = 7, KILL = 8, DETACH = 17, SYSCALL = 24;
    public const int SETOPTIONS = 0x4200, GETEVENTMSG = 0x4201, GETSIGINFO = 0x4202, SETSIGINFO = 0x4203;
    public const int SEIZE = 0x4206, INTERRUPT = 0x4207, LISTEN = 0x4208, GET_SYSCALL_INFO = 0x420e;

    public const int O_TRACESYSGOOD = 1, O_TRACEFORK = 2, O_TRACEVFORK = 4, O_TRACECLONE = 8;
    public const int O_TRACEEXEC = 0x10, O_TRACEVFORKDONE = 0x20, O_TRACEEXIT = 0x40, O_TRACESECCOMP = 0x80;
    public const int O_EXITKILL = 0x100000;

    public const int EVENT_FORK = 1, EVENT_VFORK = 2, EVENT_CLONE = 3, EVENT_EXEC = 4;
    public const int EVENT_VFORK_DONE = 5, EVENT_EXIT = 6, EVENT_SECCOMP = 7, EVENT_STOP = 128;

    public const byte SYSCALL_INFO_NONE = 0, SYSCALL_INFO_ENTRY = 1, SYSCALL_INFO_EXIT = 2, SYSCALL_INFO_SECCOMP = 3;

    /// <summary>Offsets of registers in struct user_regs_struct, for PTRACE_PEEKUSER/POKEUSER:
    /// taken from UserRegs, whose layout the ABI test checks against &lt;sys/user.h&gt;.</summary>
    public static readonly int OrigRaxOffset = OffsetOf(ref s_regs.OrigRax), RaxOffset = OffsetOf(ref s_regs.Rax),
        RdiOffset = OffsetOf(ref s_regs.Rdi);

    private static UserRegs s_regs;

    private static int OffsetOf(ref ulong register) =>
        (int)Unsafe.ByteOffset(ref Unsafe.As<UserRegs, byte>(ref s_regs), ref Unsafe.As<ulong, byte>(ref register));

    [LibraryImport("libc", EntryPoint = "ptrace", SetLastError = true)]
    private static partial long Raw(long request, int pid, nint addr, nint data);

    /// <summary>Issues a request; returns 0 or the negated errno (ESRCH is routine: a tracee may vanish).</summary>
    public static int Request(int request, int pid, nint addr = 0, nint data = 0)
    {
        long rc = Raw(request, pid, addr, data);
        return rc == -1 ? -SyscallException.LastErrno() : 0;
    }

    public static void Check(int rc, string what)
    {
        if (rc < 0) throw new SyscallException(what, -rc);
    }

    public static int Seize(int pid, int options) => Request(SEIZE, pid, 0, options);

    public static int Resume(int request, int pid, int signal) => Request(request, pid, 0, signal);

    public static int GetEventMessage(int pid, out ulong message)
    {
        ulong m = 0;
        int rc = Request(GETEVENTMSG, pid, 0, (nint)(&m));
        message = m;
        return rc;
    }

    public static int GetSigInfo(int pid, out SigInfo info)
    {
        SigInfo si = default;
        int rc = Request(GETSIGINFO, pid, 0, (nint)(&si));
        info = si;
        return rc;
    }

    public static int GetSyscallInfo(int pid, out SyscallInfoRaw info)
    {
        SyscallInfoRaw si = default;
        long rc = Raw(GET_SYSCALL_INFO, pid, sizeof(SyscallInfoRaw), (nint)(&si));
        info = si;
        return rc < 0 ? -SyscallException.LastErrno() : (int)rc;
    }

    /// <summary>Writes data into a stopped tracee's memory word by word with PTRACE_POKEDATA, which
    /// (unlike process_vm_writev) may write read-only pages, as a debugger patches code: strace's
    /// poke_enter changes a string literal this way.  A partial last word is read first and kept.
    /// Returns 0 or the negated errno.</summary>
    public static int PokeData(int pid, ulong address, ReadOnlySpan<byte> data)
    {
        for (int done = 0; done < data.Length; done += 8)
        {
            long word = 0;
            int n = Math.Min(8, data.Length - done);
            if (n < 8)
            {
                Marshal.SetLastPInvokeError(0);
                word = Raw(PEEKDATA, pid, (nint)(address + (ulong)done), 0);
                if (word == -1 && SyscallException.LastErrno() != 0) return -SyscallException.LastErrno();
            }
            data.Slice(done, n).CopyTo(new Span<byte>(&word, 8));
            int rc = Request(POKEDATA, pid, (nint)(address + (ulong)done), (nint)word);
            if (rc < 0) return rc;
        }
        return 0;
    }

    /// <summary>Reads a stopped tracee's memory word by word with PTRACE_PEEKDATA (where
    /// process_vm_readv is not available): aligned words, so a read stops exactly at the first
    /// unmapped page.  Returns the bytes read, or the negated errno when none could be.</summary>
    public static int PeekData(int pid, ulong address, Span<byte> destination)
    {
        int done = 0, skip = (int)(address & 7);
        for (ulong at = address - (ulong)skip; done < destination.Length; at += 8, skip = 0)
        {
            Marshal.SetLastPInvokeError(0);
            long word = Raw(PEEKDATA, pid, (nint)at, 0);
            if (word == -1 && SyscallException.LastErrno() != 0) return done > 0 ? done : -SyscallException.LastErrno();
            var bytes = new ReadOnlySpan<byte>(&word, 8)[skip..];
            int n = Math.Min(bytes.Length, destination.Length - done);
            bytes[..n].CopyTo(destination[done..]);
            done += n;
        }
        return done;
    }

    /// <summary>PTRACE_PEEKUSER returns data in-band, so errno must be cleared and checked.</summary>
    public static bool TryPeekUser(int pid, int offset, out long value)
    {
        Marshal.SetLastPInvokeError(0);
        value = Raw(PEEKUSER, pid, offset, 0);
        return !(value == -1 && SyscallException.LastErrno() != 0);
    }
}

internal static unsafe partial class Ptrace
{
    public const int GETREGS = 12, SETREGS = 13;

    public static int GetRegs(int pid, out UserRegs regs)
    {
        UserRegs r = default;
        int rc = Request(GETREGS, pid, 0, (nint)(&r));
        regs = r;
        return rc;
    }

    public static int SetRegs(int pid, in UserRegs regs)
    {
        UserRegs r = regs;
        return Request(SETREGS, pid, 0, (nint)(&r));
    }
}
