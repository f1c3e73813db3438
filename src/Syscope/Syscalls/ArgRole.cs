namespace Syscope.Syscalls;

/// <summary>What an argument is, beyond its C type: the facts tools/syscalls/roles.txt gives for
/// each argument of each call.  Descriptor and path arguments are what -P and trace-fds match;
/// the memory kinds (Buffer and after) are what a backend must copy for the decoders.</summary>
internal enum ArgKind : byte
{
    /// <summary>A number, printed as its C type says.</summary>
    Number,
    /// <summary>An address the tracer prints but never reads.</summary>
    Address,
    /// <summary>A file descriptor.</summary>
    Fd,
    /// <summary>A directory descriptor, or AT_FDCWD.</summary>
    DirFd,
    /// <summary>A NUL-terminated file name.</summary>
    Path,
    /// <summary>A NUL-terminated string that is not a file name.</summary>
    String,
    /// <summary>A NULL-terminated array of string pointers (argv, envp).</summary>
    StringArray,
    /// <summary>Memory whose layout depends on another argument (ioctl's, prctl's...): the row's
    /// CaptureGap says why no role describes it.</summary>
    Varies,
    /// <summary>Bytes: data, or structures of the size the role gives.</summary>
    Buffer,
    /// <summary>One or more fixed-size structures.</summary>
    Struct,
    /// <summary>A signal set of a given number of bytes.</summary>
    Sigset,
    /// <summary>A socket address of a given number of bytes.</summary>
    Sockaddr,
    /// <summary>A bitmap of a given number of bits, stored in whole 64-bit words (fd_set, node masks).</summary>
    Bitmap,
    /// <summary>An array of struct iovec, and the buffers they point to.</summary>
    Iovec,
    /// <summary>A struct msghdr, its name, its iovecs and their buffers, its control data.</summary>
    Msghdr,
    /// <summary>An array of struct mmsghdr, each a msghdr followed by msg_len.</summary>
    Mmsghdr,
    /// <summary>A { const sigset_t *, size_t } pair and the set it points to (pselect6, io_pgetevents).</summary>
    SigsetPair,
}

/// <summary>Which way the memory of a pointer argument goes: read by the kernel (In, there at
/// entry), written by it (Out, there at exit), or both.</summary>
[Flags]
internal enum ArgFlow : byte { None = 0, In = 1, Out = 2, InOut = In | Out }

/// <summary>Where the length of an argument's memory comes from.</summary>
internal enum SizeFrom : byte
{
    /// <summary>No length: nothing to read, or a NUL-terminated string or array.</summary>
    None,
    /// <summary>Always Unit bytes.</summary>
    Fixed,
    /// <summary>Argument SizeArg counts the units.</summary>
    Arg,
    /// <summary>The return value counts the units (known at exit, when the call succeeded).</summary>
    Return,
    /// <summary>The int that argument SizeArg points to counts the units (socklen_t *, file_handle).</summary>
    ArgPointee,
}

/// <summary>One argument's role.  Its memory is <c>Header + count * Unit</c> bytes, the count
/// taken as <see cref="From"/> says (1 for Fixed); a Bitmap counts bits and takes whole 64-bit
/// words.  A plain value type, so a row's roles are read without allocating.</summary>
internal readonly record struct ArgRole(ArgKind Kind, ArgFlow Flow, SizeFrom From, byte SizeArg, ushort Unit, ushort Header)
{
    /// <summary>A descriptor argument: what -P and trace-fds compare.</summary>
    public bool IsDescriptor => Kind is ArgKind.Fd or ArgKind.DirFd;

    /// <summary>Points to memory the call reads or writes.</summary>
    public bool IsMemory => Kind >= ArgKind.Buffer;

    /// <summary>A backend capturing memory at the moment of the call copies this argument's memory
    /// at entry: strings and argv, what the call reads, and the iovecs and message headers of a
    /// call that receives data (they say where the kernel is to write; recvmsg's decoder keeps
    /// msg_namelen from entry).</summary>
    public bool AtEntry => Kind is ArgKind.Path or ArgKind.String or ArgKind.StringArray
        || (IsMemory && Flow.HasFlag(ArgFlow.In))
        || (Kind is ArgKind.Iovec or ArgKind.Msghdr or ArgKind.Mmsghdr && Flow == ArgFlow.Out && From != SizeFrom.Return);

    /// <summary>... and at exit: what the call writes.</summary>
    public bool AtExit => IsMemory && Flow.HasFlag(ArgFlow.Out);
}

/// <summary>How GenericDecoder prints an argument, decided once by tools/gen-tables.py from its
/// C type, and from its role where the type cannot tell (an address, a counted buffer).</summary>
internal enum ArgFormat : byte
{
    /// <summary>Signed decimal, 32 bits.</summary>
    Int,
    /// <summary>Signed decimal, 64 bits.</summary>
    Long,
    /// <summary>Unsigned decimal, 32 bits.</summary>
    UInt,
    /// <summary>Unsigned decimal, 64 bits.</summary>
    ULong,
    Hex,
    Octal,
    /// <summary>An address, printed at entry.</summary>
    Pointer,
    /// <summary>An address the kernel writes through: it and every later argument print at exit.</summary>
    OutPointer,
    /// <summary>A NUL-terminated string, printed whole.</summary>
    Path,
    StringArray,
    /// <summary>A buffer of the length its role names, printed at entry.</summary>
    InBuffer,
    /// <summary>A buffer of the returned length, printed at exit.</summary>
    OutBuffer,
    /// <summary>A user or group id: unsigned decimal, 32 bits, but -1 (no id) as -1.</summary>
    Id,
}
