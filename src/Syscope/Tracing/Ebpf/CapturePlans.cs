using Syscope.Syscalls;

namespace Syscope.Tracing.Ebpf;

/// <summary>
/// Serialises each syscall's <see cref="CapturePlan"/> (the row's argument roles, docs/DECODING.md)
/// into the capture rules the BPF programs follow (syscope.h, struct capture_plan): what a role
/// copies at entry (<see cref="ArgRole.AtEntry"/>) and at exit (<see cref="ArgRole.AtExit"/>), with
/// the backend's caps: -s for data a read or write moves, whole buffers for -e read=/write= dumps.
/// The plans are the only source: a decoder that needs more memory gets it by a better role; what
/// is added here is what no role can say (descriptors for -y, rt_sigreturn's frame, a window over
/// memory whose layout varies).
/// </summary>
internal static class CapturePlans
{
    /// <summary>PATH_MAX: paths and strings are copied whole up to it (the copy stops at the NUL).</summary>
    public const int PathMax = 4096;
    /// <summary>Pointers read of an argv or envp.</summary>
    public const int MaxArgv = 256;
    /// <summary>Memory whose layout depends on another argument (ioctl's, prctl's): this much is
    /// copied at entry and at exit, enough for the structures their decoders print.</summary>
    public const int VariesWindow = 256;

    private static readonly int RtSigreturn = SyscallTable.ByName("rt_sigreturn")?.Number ?? -1;
    private const ushort SigreturnFrame = (ushort)(Decoding.Families.SignalDecoders.UcSigmaskOffset + 8);

    /// <summary>How much of the data the output shows: -s, whether -e read=/write= dumps want
    /// whole buffers, and whether -y shows what descriptors refer to.</summary>
    public readonly record struct Limits(int StringLimit, bool WholeBuffers, bool FdPaths = false);

    /// <summary>The rules for one syscall; more than the BPF side takes are dropped (the decoder
    /// then prints addresses for what is missing, as for unreadable memory).</summary>
    public static CapturePlanEntry For(SyscallInfo row, Limits limits)
    {
        var roles = CapturePlan.For(row.Number);
        var plan = new CapturePlanEntry();
        int n = 0;
        void Add(CaptureRule rule)
        {
            if (n < BpfLimits.MaxRules) plan.Rules[n++] = rule;
        }
        // rt_sigreturn has no argument: its decoder reads the signal mask in the frame at the stack
        // pointer, which no role can say.
        if (row.Number == RtSigreturn)
            Add(new CaptureRule { Arg = BpfLimits.ArgStackPointer, Kind = CaptureKind.Bytes, ElemSize = SigreturnFrame, Cap = SigreturnFrame });
        for (int i = 0; i < roles.ArgCount && i < 6; i++)
        {
            var role = roles.Args[i];
            byte arg = (byte)i;
            switch (role.Kind)
            {
                case ArgKind.Path or ArgKind.String:
                    Add(new CaptureRule { Arg = arg, Kind = CaptureKind.String, Cap = PathMax });
                    break;
                case ArgKind.StringArray:
                    // The strings as -s shows them (one byte more tells a longer one); envp's only counted.
                    Add(new CaptureRule { Arg = arg, Kind = CaptureKind.StringArray, ElemSize = MaxArgv, Cap = (uint)StringCap(limits) });
                    break;
                // Sockets' descriptors always: decoders tell netlink messages by the socket's protocol.
                case ArgKind.Fd or ArgKind.DirFd when limits.FdPaths || row.Classes.HasFlag(SyscallClass.Network):
                    // At entry, while it is still open (close's, dup2's target).
                    Add(new CaptureRule { Arg = arg, Kind = CaptureKind.Fd });
                    break;
                case ArgKind.Varies:
                    var window = Window(row, arg);
                    Add(window with { Phase = CapturePhase.Entry });
                    Add(window with { Phase = CapturePhase.Exit });
                    break;
                case >= ArgKind.Buffer:
                    var rule = Memory(row, role, arg, limits);
                    // The headers of a receive are copied at entry too, without data: they say where
                    // the kernel is to write (recvmsg's decoder keeps the entry msg_namelen).
                    if (role.AtEntry) Add(rule with { Phase = CapturePhase.Entry, Cap = role.Flow.HasFlag(ArgFlow.In) ? rule.Cap : 0 });
                    if (role.AtExit) Add(rule with { Phase = CapturePhase.Exit });
                    break;
            }
        }
        if (limits.FdPaths && (roles.Returns == ReturnFormat.Fd || row.Number == Fcntl || row.Number == Ioctl))
            Add(new CaptureRule { Arg = BpfLimits.ArgReturn, Kind = CaptureKind.Fd, Phase = CapturePhase.Exit });
        // The pair of descriptors pipe, pipe2 and socketpair make, which no role tells from ints.
        if (limits.FdPaths && FdPairArg(row) is int pair)
            Add(new CaptureRule { Arg = (byte)pair, Kind = CaptureKind.FdArray, Phase = CapturePhase.Exit });
        return plan;
    }

    private static readonly int Pipe = SyscallTable.ByName("pipe")?.Number ?? -1, Pipe2 = SyscallTable.ByName("pipe2")?.Number ?? -1,
        SocketPair = SyscallTable.ByName("socketpair")?.Number ?? -1;

    /// <summary>fcntl's decoder makes its result a descriptor for F_DUPFD, and ioctl's for the
    /// requests that make one (KVM_CREATE_VM, KVM_CREATE_VCPU), out of sight of the row.</summary>
    private static readonly int Fcntl = SyscallTable.ByName("fcntl")?.Number ?? -1, Ioctl = SyscallTable.ByName("ioctl")?.Number ?? -1;

    /// <summary>The window over memory whose layout varies: ioctl's argument is as large as its
    /// request says when that is more (KVM_GET_SREGS' kvm_sregs, 312 bytes), up to a capture's most.</summary>
    private static CaptureRule Window(SyscallInfo row, byte arg) =>
        row.Number == Ioctl && arg == 2
            ? new CaptureRule { Arg = arg, Kind = CaptureKind.Bytes, SizeFrom = SizeSource.FromIoctl, SizeArg = 1, Header = VariesWindow, Cap = BpfLimits.MaxCapture }
            : new CaptureRule { Arg = arg, Kind = CaptureKind.Bytes, ElemSize = VariesWindow, Cap = VariesWindow };

    private static int? FdPairArg(SyscallInfo row) =>
        row.Number == Pipe || row.Number == Pipe2 ? 0 : row.Number == SocketPair ? 3 : null;

    /// <summary>The most a dump copies of one call's data.</summary>
    private const uint WholeCap = BpfLimits.MaxCapture + BpfLimits.DataChunk * BpfLimits.MaxDataChunks;

    private static uint StringCap(Limits limits) => (uint)Math.Clamp(limits.StringLimit + 2, 2, PathMax);

    private static CaptureRule Memory(SyscallInfo row, ArgRole role, byte arg, Limits limits)
    {
        var rule = new CaptureRule
        {
            Arg = arg,
            SizeFrom = role.From switch
            {
                SizeFrom.Arg => SizeSource.FromArg,
                SizeFrom.Return => SizeSource.FromReturn,
                SizeFrom.ArgPointee => SizeSource.FromPointee,
                _ => SizeSource.Fixed,
            },
            SizeArg = role.SizeArg,
            ElemSize = role.Unit,
            Header = role.Header,
            Cap = BpfLimits.MaxCapture,
        };
        // The data a read or write moves shows only as far as -s, unless -e read=/write= dump it;
        // on sockets (sendto, recvmsg...) it may be netlink messages, decoded whole.
        bool data = row.Dump != DumpKind.None && !limits.WholeBuffers && !row.Classes.HasFlag(SyscallClass.Network);
        // -e read=/write= dump the data whole: past what a record holds, in data records.
        if (row.Dump != DumpKind.None && limits.WholeBuffers) rule = rule with { Flags = RuleFlags.Whole, Cap = WholeCap };
        return role.Kind switch
        {
            ArgKind.Iovec => rule with { Kind = CaptureKind.Iovec },
            ArgKind.Msghdr => rule with { Kind = CaptureKind.Msghdr },
            ArgKind.Mmsghdr => rule with { Kind = CaptureKind.Mmsghdr },
            ArgKind.SigsetPair => rule with { Kind = CaptureKind.SigsetPair, SizeFrom = SizeSource.Fixed },
            ArgKind.Bitmap => rule with { Kind = CaptureKind.Bytes, Flags = rule.Flags | RuleFlags.CountBits },
            ArgKind.Buffer when data => rule with { Kind = CaptureKind.Bytes, Cap = (uint)Math.Min(limits.StringLimit + 1, BpfLimits.MaxCapture) },
            _ => rule with { Kind = CaptureKind.Bytes },
        };
    }
}
