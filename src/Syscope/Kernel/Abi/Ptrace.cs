using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>struct ptrace_syscall_info, 88 bytes on x86_64.</summary>
[CLayout("struct ptrace_syscall_info", "linux/ptrace.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SyscallInfoRaw
{
    [CField("op")] public byte Op;
    private byte _pad0, _pad1, _pad2;
    [CField("arch")] public uint Arch;
    [CField("instruction_pointer")] public ulong InstructionPointer;
    [CField("stack_pointer")] public ulong StackPointer;
    /// <summary>entry/seccomp: nr; exit: rval.</summary>
    [CField("entry.nr")] public ulong NrOrRval;
    /// <summary>entry/seccomp: args[0..5]; exit: is_error in the low byte of the first word.</summary>
    [CField("entry.args")] public fixed ulong Args[6];
    [CField("seccomp.ret_data")] public uint RetData;
    private uint _pad3;
}

/// <summary>x86_64 general registers, for PTRACE_GETREGS/SETREGS.</summary>
[CLayout("struct user_regs_struct", "sys/user.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UserRegs
{
    [CField("r15")] public ulong R15;
    [CField("r14")] public ulong R14;
    [CField("r13")] public ulong R13;
    [CField("r12")] public ulong R12;
    [CField("rbp")] public ulong Rbp;
    [CField("rbx")] public ulong Rbx;
    [CField("r11")] public ulong R11;
    [CField("r10")] public ulong R10;
    [CField("r9")] public ulong R9;
    [CField("r8")] public ulong R8;
    [CField("rax")] public ulong Rax;
    [CField("rcx")] public ulong Rcx;
    [CField("rdx")] public ulong Rdx;
    [CField("rsi")] public ulong Rsi;
    [CField("rdi")] public ulong Rdi;
    [CField("orig_rax")] public ulong OrigRax;
    [CField("rip")] public ulong Rip;
    [CField("cs")] public ulong Cs;
    [CField("eflags")] public ulong Eflags;
    [CField("rsp")] public ulong Rsp;
    [CField("ss")] public ulong Ss;
    [CField("fs_base")] public ulong FsBase;
    [CField("gs_base")] public ulong GsBase;
    [CField("ds")] public ulong Ds;
    [CField("es")] public ulong Es;
    [CField("fs")] public ulong Fs;
    [CField("gs")] public ulong Gs;
}
