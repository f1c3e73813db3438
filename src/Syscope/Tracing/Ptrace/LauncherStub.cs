using System.Buffers.Binary;
using Syscope.Interop;

namespace Syscope.Tracing.Ptrace;

/// <summary>
/// A 272-byte static x86_64 program, run from a memfd, that lets syscope start a tracee without
/// fork() in managed code and without any runtime code in the child (the .NET runtime would
/// leave ignored signals and threads behind).
/// Launcher mode, argv = [name, FILTER, path, argv0, ...]: unless FILTER is "-" it opens the file
/// FILTER[1..] (a memfd of syscope's, opened while it still has syscope's identity, since -u may
/// change that); it stops itself with SIGSTOP so the tracer can seize it; then it reads the
/// classic-BPF seccomp program from that file, sets no_new_privs when FILTER[0] is 'P' (needed
/// without CAP_SYS_ADMIN), installs the filter, and execs path with argv0... and the inherited
/// environment.  Any failure exits with status 1, as strace's child does.
/// Waker mode (argc == 1): it blocks every signal (a Ctrl-C to the process group must not end
/// it) and sleeps until syscope kills it, which is how a signal handler wakes the tracer thread
/// out of waitpid().  Source (GNU as, Intel syntax):
/// <code>
/// _start:  mov r15,rsp; mov rcx,[r15]; cmp rcx,1; je waker
///          mov rdi,[r15+16]; movzx eax,byte ptr [rdi]; mov r13d,eax; cmp al,'-'; je stop
///          inc rdi; xor esi,esi; mov eax,2; syscall; test eax,eax; js fail; mov r12d,eax ; open(FILTER+1)
/// stop:    mov eax,39; syscall; mov edi,eax; mov esi,19; mov eax,62; syscall  ; kill(getpid(), SIGSTOP)
///          cmp r13d,'-'; je exec
///          sub rsp,32784; mov edi,r12d; lea rsi,[rsp+16]; mov edx,32768
///          xor eax,eax; syscall; test rax,rax; jle fail                   ; read the program
///          shr rax,3; mov word ptr [rsp],ax; lea rsi,[rsp+16]; mov [rsp+8],rsi   ; struct sock_fprog
///          mov edi,r12d; mov eax,3; syscall                              ; close
///          cmp r13d,'N'; je install
///          mov edi,38; mov esi,1; xor edx,edx; xor r10d,r10d; xor r8d,r8d; mov eax,157; syscall ; PR_SET_NO_NEW_PRIVS
/// install: mov edi,1; xor esi,esi; mov rdx,rsp; mov eax,317; syscall; test eax,eax; jnz fail
/// exec:    mov rcx,[r15]; mov rdi,[r15+24]; lea rsi,[r15+32]; lea rdx,[r15+rcx*8+16]
///          mov eax,59; syscall                                           ; execve(path, argv, envp)
/// fail:    mov edi,1; mov eax,231; syscall                               ; exit_group(1)
/// waker:   mov edi,1; mov esi,9; mov eax,157; syscall                    ; PR_SET_PDEATHSIG, SIGKILL
///          push -1; mov rsi,rsp; xor edi,edi; xor edx,edx; mov r10d,8; mov eax,14; syscall ; block all
/// again:   mov eax,34; syscall; jmp again                                ; pause() until killed
/// </code>
/// </summary>
internal static class LauncherStub
{
    private static ReadOnlySpan<byte> Code =>
    [
        0x49, 0x89, 0xe7, 0x49, 0x8b, 0x0f, 0x48, 0x83, 0xf9, 0x01, 0x0f, 0x84, 0xd0, 0x00, 0x00, 0x00,
        0x49, 0x8b, 0x7f, 0x10, 0x0f, 0xb6, 0x07, 0x41, 0x89, 0xc5, 0x3c, 0x2d, 0x74, 0x17, 0x48, 0xff,
        0xc7, 0x31, 0xf6, 0xb8, 0x02, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x85, 0xc0, 0x0f, 0x88, 0xa2, 0x00,
        0x00, 0x00, 0x41, 0x89, 0xc4, 0xb8, 0x27, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x89, 0xc7, 0xbe, 0x13,
        0x00, 0x00, 0x00, 0xb8, 0x3e, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x41, 0x83, 0xfd, 0x2d, 0x74, 0x6d,
        0x48, 0x81, 0xec, 0x10, 0x80, 0x00, 0x00, 0x44, 0x89, 0xe7, 0x48, 0x8d, 0x74, 0x24, 0x10, 0xba,
        0x00, 0x80, 0x00, 0x00, 0x31, 0xc0, 0x0f, 0x05, 0x48, 0x85, 0xc0, 0x7e, 0x67, 0x48, 0xc1, 0xe8,
        0x03, 0x66, 0x89, 0x04, 0x24, 0x48, 0x8d, 0x74, 0x24, 0x10, 0x48, 0x89, 0x74, 0x24, 0x08, 0x44,
        0x89, 0xe7, 0xb8, 0x03, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x41, 0x83, 0xfd, 0x4e, 0x74, 0x19, 0xbf,
        0x26, 0x00, 0x00, 0x00, 0xbe, 0x01, 0x00, 0x00, 0x00, 0x31, 0xd2, 0x45, 0x31, 0xd2, 0x45, 0x31,
        0xc0, 0xb8, 0x9d, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xbf, 0x01, 0x00, 0x00, 0x00, 0x31, 0xf6, 0x48,
        0x89, 0xe2, 0xb8, 0x3d, 0x01, 0x00, 0x00, 0x0f, 0x05, 0x85, 0xc0, 0x75, 0x17, 0x49, 0x8b, 0x0f,
        0x49, 0x8b, 0x7f, 0x18, 0x49, 0x8d, 0x77, 0x20, 0x49, 0x8d, 0x54, 0xcf, 0x10, 0xb8, 0x3b, 0x00,
        0x00, 0x00, 0x0f, 0x05, 0xbf, 0x01, 0x00, 0x00, 0x00, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05,
        0xbf, 0x01, 0x00, 0x00, 0x00, 0xbe, 0x09, 0x00, 0x00, 0x00, 0xb8, 0x9d, 0x00, 0x00, 0x00, 0x0f,
        0x05, 0x6a, 0xff, 0x48, 0x89, 0xe6, 0x31, 0xff, 0x31, 0xd2, 0x41, 0xba, 0x08, 0x00, 0x00, 0x00,
        0xb8, 0x0e, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xeb, 0xf7,
    ];

    public const ulong LoadAddress = 0x400000;

    /// <summary>Signals the .NET runtime sets to SIG_IGN in syscope itself; a child must get them back
    /// at their default, as it would have had without syscope in between.</summary>
    public static readonly int[] RuntimeIgnoredSignals = [Kernel.SignalNames.SIGPIPE, 32, 33];

    /// <summary>Where, in the loaded image, the first `syscall` instruction sits (the tracer reuses
    /// it to make the stopped launcher run calls of its choosing).</summary>
    public static ulong FirstSyscallOffset
    {
        get
        {
            var code = Code;
            for (int i = 0; i + 1 < code.Length; i++)
                if (code[i] == 0x0f && code[i + 1] == 0x05) return (ulong)(HeaderSize + ProgramHeaderSize + i);
            throw new InvalidOperationException("launcher has no syscall instruction");
        }
    }
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

    /// <summary>A path to one of syscope's descriptors that its children can open.</summary>
    public static string OwnDescriptorPath(System.Runtime.InteropServices.SafeHandle fd) =>
        $"/proc/{OwnProcess.ProcPid}/fd/{fd.DangerousGetHandle()}";

    /// <summary>The memfd holding the stub: open for the process's lifetime, as its path must stay valid.</summary>
    private static Microsoft.Win32.SafeHandles.SafeFileHandle? s_memfd;

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
                s_memfd = Descriptors.Memfd("syscope-launcher", elf);
                return s_path = OwnDescriptorPath(s_memfd);
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
