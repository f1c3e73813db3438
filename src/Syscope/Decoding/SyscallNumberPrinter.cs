using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding;

/// <summary>A system call's number in a structure (seccomp_data's, ptrace_syscall_info's nr):
/// "__NR_chdir", which -X raw and verbose show as its number, "80 /* __NR_chdir */".  The number
/// names a call only for the architecture syscope knows the table of; otherwise it stands alone.</summary>
internal static class SyscallNumberPrinter
{
    public static void Print(ArgWriter w, ulong nr, uint arch)
    {
        var call = arch == IoctlConstants.AuditArchX86_64 && nr <= int.MaxValue ? SyscallTable.ByNumber((int)nr) : null;
        if (call == null) { w.UInt(nr); return; }
        var mark = w.BeginConst();
        w.ConstName("__NR_"u8).Raw(call.NameUtf8);
        w.EndConst(mark, nr, NumberBase.Unsigned);
    }
}
