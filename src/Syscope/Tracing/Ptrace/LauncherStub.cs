using System.Buffers.Binary;
using Syscope.Interop;

namespace Syscope.Tracing.Ptrace;

/// <summary>
/// A 116-byte static x86_64 program, run from a memfd, that lets syscope start a tracee without
/// fork() in managed code and without any runtime code in the child (the .NET runtime would
/// leave ignored signals and threads behind).  Launcher mode (argc &gt; 1) stops itself with
/// SIGSTOP so the tracer can seize it, then execs argv[1] with argv[2..] and the inherited
/// environment, so the first thing the tracer shows is the target's own execve.  Waker mode
/// (argc == 1) sleeps until killed: killing it is how a signal handler wakes the tracer thread
/// out of waitpid().  Source (GNU as, Intel syntax):
/// <code>
/// _start: mov rcx,[rsp]; cmp rcx,1; je waker
///         mov eax,39; syscall                 ; getpid
///         mov edi,eax; mov esi,19; mov eax,62; syscall   ; kill(pid, SIGSTOP)
///         mov rcx,[rsp]; mov rdi,[rsp+16]; lea rsi,[rsp+24]; lea rdx,[rsp+rcx*8+16]
///         mov eax,59; syscall                 ; execve(argv[1], &amp;argv[2], envp)
///         xor edi,edi; inc edi; mov eax,231; syscall     ; exit_group(1), as strace's child does
/// waker:  mov edi,1; mov esi,9; mov eax,157; syscall     ; prctl(PR_SET_PDEATHSIG, SIGKILL)
///         push -1; mov rsi,rsp; xor edi,edi; xor edx,edx; mov r10d,8; mov eax,14; syscall
///                                             ; rt_sigprocmask(SIG_BLOCK, all): a Ctrl-C to the
///                                             ; process group must not end it, only our SIGKILL
/// again:  mov eax,34; syscall; jmp again      ; pause() forever
/// </code>
/// </summary>
public static class LauncherStub
{
    private static ReadOnlySpan<byte> Code =>
    [
        0x48, 0x8b, 0x0c, 0x24, 0x48, 0x83, 0xf9, 0x01, 0x74, 0x3a, 0xb8, 0x27, 0x00, 0x00, 0x00, 0x0f,
        0x05, 0x89, 0xc7, 0xbe, 0x13, 0x00, 0x00, 0x00, 0xb8, 0x3e, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x48,
        0x8b, 0x0c, 0x24, 0x48, 0x8b, 0x7c, 0x24, 0x10, 0x48, 0x8d, 0x74, 0x24, 0x18, 0x48, 0x8d, 0x54,
        0xcc, 0x10, 0xb8, 0x3b, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x31, 0xff, 0xff, 0xc7, 0xb8, 0xe7, 0x00,
        0x00, 0x00, 0x0f, 0x05, 0xbf, 0x01, 0x00, 0x00, 0x00, 0xbe, 0x09, 0x00, 0x00, 0x00, 0xb8, 0x9d,
        0x00, 0x00, 0x00, 0x0f, 0x05, 0x6a, 0xff, 0x48, 0x89, 0xe6, 0x31, 0xff, 0x31, 0xd2, 0x41, 0xba,
        0x08, 0x00, 0x00, 0x00, 0xb8, 0x0e, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xb8, 0x22, 0x00, 0x00, 0x00,
        0x0f, 0x05, 0xeb, 0xf7,
    ];

    private const ulong LoadAddress = 0x400000;
    private const int HeaderSize = 64, ProgramHeaderSize = 56;

    /// <summary>The stub as an ELF64 executable: one header, one PT_LOAD (R+X) segment, the code.</summary>
    public static byte[] BuildElf()
    {
        int codeOffset = HeaderSize + ProgramHeaderSize;
        var elf = new byte[codeOffset + Code.Length];
        Span<byte> h = elf;
        h[0] = 0x7f; h[1] = (byte)'E'; h[2] = (byte)'L'; h[3] = (byte)'F';
        h[4] = 2;  // ELFCLASS64
        h[5] = 1;  // little endian
        h[6] = 1;  // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(h[16..], 2);     // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(h[18..], 62);    // EM_X86_64
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], LoadAddress + (ulong)codeOffset); // e_entry
        BinaryPrimitives.WriteUInt64LittleEndian(h[32..], HeaderSize);                      // e_phoff
        BinaryPrimitives.WriteUInt16LittleEndian(h[52..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[54..], ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[56..], 1);                               // e_phnum
        Span<byte> p = h[HeaderSize..];
        BinaryPrimitives.WriteUInt32LittleEndian(p, 1);            // PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(p[4..], 5);       // PF_R | PF_X
        BinaryPrimitives.WriteUInt64LittleEndian(p[16..], LoadAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(p[24..], LoadAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(p[32..], (ulong)elf.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(p[40..], (ulong)elf.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(p[48..], 0x1000);
        Code.CopyTo(h[codeOffset..]);
        return elf;
    }

    private static string? s_path;

    /// <summary>A path that executes the stub: a close-on-exec memfd (the target never inherits it), or a private temp file where
    /// vm.memfd_noexec forbids executing memfds.</summary>
    public static string Path
    {
        get
        {
            if (s_path != null) return s_path;
            byte[] elf = BuildElf();
            try
            {
                int fd = Spawn.CreateMemfd("syscope-launcher", Spawn.MFD_CLOEXEC);
                Spawn.WriteAll(fd, elf);
                return s_path = $"/proc/{Environment.ProcessId}/fd/{fd}";
            }
            catch (SyscallException)
            {
                string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"syscope-launcher-{Environment.ProcessId}");
                File.WriteAllBytes(file, elf);
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                return s_path = file;
            }
        }
    }
}
