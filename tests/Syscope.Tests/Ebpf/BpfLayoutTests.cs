using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing.Ebpf;

namespace Syscope.Tests.Ebpf;

/// <summary>The C# mirrors of syscope.h have its sizes, offsets and constants: gcc compiles the
/// header and prints them (Programs/bpflayout.c).</summary>
public class BpfLayoutTests
{
    private static readonly Dictionary<string, Type> Mirrors = new()
    {
        ["record_header"] = typeof(RecordHeader),
        ["entry_record"] = typeof(EntryRecord),
        ["exit_record"] = typeof(ExitRecord),
        ["capture"] = typeof(Capture),
        ["fork_record"] = typeof(ForkRecord),
        ["exec_record"] = typeof(ExecRecord),
        ["comm_record"] = typeof(CommRecord),
        ["task_exit_record"] = typeof(TaskExitRecord),
        ["kvm_exit_record"] = typeof(KvmExitRecord),
        ["signal_record"] = typeof(SignalRecord),
        ["data_record"] = typeof(DataRecord),
        ["capture_rule"] = typeof(CaptureRule),
        ["capture_plan"] = typeof(CapturePlanEntry),
        ["syscall_counter"] = typeof(SyscallCounter),
        ["ring_stats"] = typeof(RingStats),
        ["ended_task"] = typeof(EndedTask),
        ["fd_identity"] = typeof(FdIdentity),
        ["fd_socket"] = typeof(FdSocket),
        ["trace_set"] = typeof(TraceSetBits),
        ["syscope_config"] = typeof(SyscopeConfig),
    };

    private static readonly Dictionary<string, long> Constants = new()
    {
        ["SYSCOPE_MAX_SYSCALLS"] = BpfLimits.MaxSyscalls,
        ["SYSCOPE_MAX_PIDS"] = BpfLimits.MaxPids,
        ["SYSCOPE_LATENCY_BUCKETS"] = BpfLimits.LatencyBuckets,
        ["SYSCOPE_MAX_RULES"] = BpfLimits.MaxRules,
        ["SYSCOPE_MAX_CAPTURE"] = BpfLimits.MaxCapture,
        ["SYSCOPE_MAX_RECORD"] = BpfLimits.MaxRecord,
        ["RECORD_SYSCALL_ENTRY"] = (long)RecordKind.SyscallEntry,
        ["RECORD_SYSCALL_EXIT"] = (long)RecordKind.SyscallExit,
        ["RECORD_FORK"] = (long)RecordKind.Fork,
        ["RECORD_EXEC"] = (long)RecordKind.Exec,
        ["RECORD_TASK_EXIT"] = (long)RecordKind.TaskExit,
        ["RECORD_SIGNAL"] = (long)RecordKind.Signal,
        ["RECORD_DATA"] = (long)RecordKind.Data,
        ["RECORD_COMM"] = (long)RecordKind.Comm,
        ["RECORD_KVM_EXIT"] = (long)RecordKind.KvmExit,
        ["SYSCOPE_COMM_LEN"] = BpfLimits.CommLength,
        ["SYSCOPE_SYSCALL_PROGRAMS"] = BpfLimits.SyscallPrograms,
        ["SYSCOPE_DATA_CHUNK"] = BpfLimits.DataChunk,
        ["SYSCOPE_MAX_DATA_CHUNKS"] = BpfLimits.MaxDataChunks,
        ["RULE_WHOLE"] = (long)RuleFlags.Whole,
        ["RECORD_ENTRY_LOST"] = (long)RecordFlags.EntryLost,
        ["RECORD_IN_SYSCALL"] = (long)RecordFlags.InSyscall,
        ["RECORD_GROUP_DEAD"] = (long)RecordFlags.GroupDead,
        ["RECORD_THREAD"] = (long)RecordFlags.Thread,
        ["RECORD_RETRY"] = (long)RecordFlags.Retry,
        ["RECORD_IGNORED"] = (long)RecordFlags.Ignored,
        ["RECORD_WORKER"] = (long)RecordFlags.Worker,
        ["CAPTURE_RULE_RETRY"] = BpfLimits.RuleRetry,
        ["CAPTURE_ARG_SP"] = BpfLimits.ArgStackPointer,
        ["CAPTURE_ARG_RETURN"] = BpfLimits.ArgReturn,
        ["CAPTURE_DESCRIPTOR"] = (long)CaptureFlags.Descriptor,
        ["CAPTURE_FD"] = (long)CaptureKind.Fd,
        ["CAPTURE_FD_ARRAY"] = (long)CaptureKind.FdArray,
        ["FD_DELETED"] = (long)FdFlags.Deleted,
        ["FD_DEEP"] = (long)FdFlags.Deep,
        ["FD_CLOSED"] = (long)FdFlags.Closed,
        ["FD_SOCKET"] = (long)FdFlags.Socket,
        ["SYSCOPE_MAX_PATH_DEPTH"] = BpfLimits.MaxPathDepth,
        ["CAPTURE_TRUNCATED"] = (long)CaptureFlags.Truncated,
        ["CAPTURE_FAULT"] = (long)CaptureFlags.Fault,
        ["CAPTURE_COMPLETE_STRING"] = (long)CaptureFlags.CompleteString,
        ["CAPTURE_NONE"] = (long)CaptureKind.None,
        ["CAPTURE_BYTES"] = (long)CaptureKind.Bytes,
        ["CAPTURE_STRING"] = (long)CaptureKind.String,
        ["CAPTURE_STRING_ARRAY"] = (long)CaptureKind.StringArray,
        ["CAPTURE_IOVEC"] = (long)CaptureKind.Iovec,
        ["CAPTURE_MSGHDR"] = (long)CaptureKind.Msghdr,
        ["CAPTURE_MMSGHDR"] = (long)CaptureKind.Mmsghdr,
        ["CAPTURE_SIGSET_PAIR"] = (long)CaptureKind.SigsetPair,
        ["SYSCOPE_MAX_MMSG"] = BpfLimits.MaxMmsg,
        ["RULE_COUNT_BITS"] = (long)RuleFlags.CountBits,
        ["CAPTURE_AT_ENTRY"] = (long)CapturePhase.Entry,
        ["CAPTURE_AT_EXIT"] = (long)CapturePhase.Exit,
        ["SIZE_FIXED"] = (long)SizeSource.Fixed,
        ["SIZE_FROM_ARG"] = (long)SizeSource.FromArg,
        ["SIZE_FROM_RETURN"] = (long)SizeSource.FromReturn,
        ["SIZE_FROM_POINTEE"] = (long)SizeSource.FromPointee,
        ["SIZE_FROM_IOCTL"] = (long)SizeSource.FromIoctl,
        ["SCOPE_PIDS"] = (long)ProbeScope.Pids,
        ["SCOPE_ALL"] = (long)ProbeScope.All,
    };

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static int SizeOf(Type t) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(t).Invoke(null, null)!;

    [NeedsFact("gcc")]
    public void EveryStructureHasTheHeadersSizeAndOffsets()
    {
        var r = Runner.Run(CPrograms.Path("bpflayout"), []);
        Assert.Equal(0, r.ExitCode);
        var expected = new List<string>();
        var actual = new List<string>();
        var fieldsSeen = new Dictionary<Type, int>();
        foreach (var line in r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts[0] == "const")
            {
                expected.Add(line);
                actual.Add($"const {parts[1]} {Constants[parts[1]]}");
                continue;
            }
            expected.Add(line);
            var names = parts[0].Split('.');
            var type = Mirrors[names[0]];
            if (names.Length == 1)
            {
                actual.Add($"{names[0]} {SizeOf(type)}");
                continue;
            }
            actual.Add($"{parts[0]} {Marshal.OffsetOf(type, Pascal(names[1]))}");
            fieldsSeen[type] = fieldsSeen.GetValueOrDefault(type) + 1;
        }
        Assert.Equal(expected, actual);
        Assert.Equal(Constants.Count, expected.Count(l => l.StartsWith("const ")));
        // No C# field without its C counterpart.
        foreach (var type in Mirrors.Values)
            Assert.Equal(type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length, fieldsSeen[type]);
    }
}
