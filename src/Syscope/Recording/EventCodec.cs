using System.Runtime.InteropServices;
using Syscope.Events;
using Syscope.Kernel.Abi;

namespace Syscope.Recording;

/// <summary>
/// A TraceEvent as an Event record: its kind, a mask of the fields that are not at rest, the
/// thread id, the time as a difference from the previous event's, then each present field.
/// Instruction and stack pointers are differences from the previous ones too (a thread's calls
/// come from a few places), so a typical call costs a dozen bytes per event.
/// </summary>
internal sealed class EventCodec
{
    [Flags]
    private enum Field : uint
    {
        Tgid = 1, EntryTime = 1 << 1, Number = 1 << 2, Args = 1 << 3, Ip = 1 << 4, Sp = 1 << 5,
        Return = 1 << 6, Flags = 1 << 7, Signal = 1 << 8, SigInfo = 1 << 9, ExitCode = 1 << 10,
        AttachKind = 1 << 11, ThreadCount = 1 << 12, RelatedTid = 1 << 13, Interrupted = 1 << 14,
        SystemTime = 1 << 15, Message = 1 << 16, Totals = 1 << 17, Loss = 1 << 18,
        /// <summary>An exit whose number, arguments and entry time are its thread's last entry's.</summary>
        AsEntered = 1 << 19,
    }

    [Flags]
    private enum EventFlags : byte { HasReturn = 1, CoreDumped = 2, Injected = 4, InjectedArgs = 8, InjectedValue = 16 }

    private const Field AllFields = (Field)((1u << 20) - 1);

    /// <summary>Each thread's last entry, so its exit need not repeat it.</summary>
    private readonly Dictionary<int, (int Number, SyscallArgs Args, long TimeNs)> _entries = [];

    private static bool SameArgs(in SyscallArgs a, in SyscallArgs b)
    {
        for (int i = 0; i < 6; i++) if (a[i] != b[i]) return false;
        return true;
    }

    private long _time;
    private ulong _ip, _sp;

    public void Write(in TraceEvent e, RecordBuffer b)
    {
        Field mask = 0;
        if (e.Tgid != e.Tid) mask |= Field.Tgid;
        if (e.Kind == TraceEventKind.SyscallEntry) _entries[e.Tid] = (e.SyscallNumber, e.Args, e.TimeNs);
        bool asEntered = e.Kind == TraceEventKind.SyscallExit && _entries.TryGetValue(e.Tid, out var entry)
            && entry.Number == e.SyscallNumber && entry.TimeNs == e.EntryTimeNs && SameArgs(entry.Args, e.Args);
        int argMask = 0;
        if (asEntered) mask |= Field.AsEntered;
        else
        {
            if (e.EntryTimeNs != 0) mask |= Field.EntryTime;
            if (e.SyscallNumber != 0) mask |= Field.Number;
            for (int i = 0; i < 6; i++) if (e.Args[i] != 0) argMask |= 1 << i;
            if (argMask != 0) mask |= Field.Args;
        }
        if (e.InstructionPointer != 0) mask |= Field.Ip;
        if (e.StackPointer != 0) mask |= Field.Sp;
        if (e.ReturnValue != 0) mask |= Field.Return;
        var flags = (e.HasReturn ? EventFlags.HasReturn : 0) | (e.CoreDumped ? EventFlags.CoreDumped : 0)
            | (e.Injected ? EventFlags.Injected : 0) | (e.InjectedArgs ? EventFlags.InjectedArgs : 0)
            | (e.InjectedValue ? EventFlags.InjectedValue : 0);
        if (flags != 0) mask |= Field.Flags;
        if (e.Signal != 0) mask |= Field.Signal;
        var sigInfo = MemoryMarshal.AsBytes(new ReadOnlySpan<SigInfo>(in e.SigInfo));
        int sigInfoLength = sigInfo.LastIndexOfAnyExcept((byte)0) + 1;
        if (sigInfoLength > 0) mask |= Field.SigInfo;
        if (e.ExitCode != 0) mask |= Field.ExitCode;
        if (e.AttachKind != 0) mask |= Field.AttachKind;
        if (e.ThreadCount != 0) mask |= Field.ThreadCount;
        if (e.RelatedTid != 0) mask |= Field.RelatedTid;
        if (e.InterruptedSyscall != -1) mask |= Field.Interrupted;
        if (e.SystemTimeNs != 0) mask |= Field.SystemTime;
        if (e.Message != null) mask |= Field.Message;
        if (e.Totals != default) mask |= Field.Totals;
        if (e.Loss != default) mask |= Field.Loss;

        b.Byte((byte)RecordTag.Event);
        b.Byte((byte)e.Kind);
        b.Varint((uint)mask);
        b.Signed(e.Tid);
        b.Signed(e.TimeNs - _time);
        _time = e.TimeNs;
        if ((mask & Field.Tgid) != 0) b.Signed(e.Tgid);
        if ((mask & Field.EntryTime) != 0) b.Signed(e.TimeNs - e.EntryTimeNs);
        if ((mask & Field.Number) != 0) b.Signed(e.SyscallNumber);
        if ((mask & Field.Args) != 0)
        {
            b.Byte((byte)argMask);
            for (int i = 0; i < 6; i++) if (e.Args[i] != 0) b.Varint(e.Args[i]);
        }
        if ((mask & Field.Ip) != 0) { b.Signed((long)(e.InstructionPointer - _ip)); _ip = e.InstructionPointer; }
        if ((mask & Field.Sp) != 0) { b.Signed((long)(e.StackPointer - _sp)); _sp = e.StackPointer; }
        if ((mask & Field.Return) != 0) b.Signed(e.ReturnValue);
        if ((mask & Field.Flags) != 0) b.Byte((byte)flags);
        if ((mask & Field.Signal) != 0) b.Signed(e.Signal);
        if ((mask & Field.SigInfo) != 0) b.Blob(sigInfo[..sigInfoLength]);
        if ((mask & Field.ExitCode) != 0) b.Signed(e.ExitCode);
        if ((mask & Field.AttachKind) != 0) b.Byte((byte)e.AttachKind);
        if ((mask & Field.ThreadCount) != 0) b.Signed(e.ThreadCount);
        if ((mask & Field.RelatedTid) != 0) b.Signed(e.RelatedTid);
        if ((mask & Field.Interrupted) != 0) b.Signed(e.InterruptedSyscall);
        if ((mask & Field.SystemTime) != 0) b.Signed(e.SystemTimeNs);
        if ((mask & Field.Message) != 0) b.Text(e.Message!);
        if ((mask & Field.Totals) != 0)
        {
            b.Signed(e.Totals.Calls);
            b.Signed(e.Totals.Errors);
            b.Signed(e.Totals.TotalNs);
            b.Signed(e.Totals.MinNs);
            b.Signed(e.Totals.MaxNs);
        }
        if ((mask & Field.Loss) != 0)
        {
            b.Signed(e.Loss.Events);
            b.Signed(e.Loss.BufferBytes);
        }
    }

    /// <summary>Reads an Event record's body (its tag already read) into e.</summary>
    public void Read(ref RecordSpan s, ref TraceEvent e)
    {
        byte kind = s.Byte();
        if (kind > (byte)TraceEventKind.Execed) throw new DamagedRecording($"unknown event kind {kind}");
        var mask = (Field)s.Varint();
        int tid = s.Int();
        _time += s.Signed();
        e = TraceEvent.Start((TraceEventKind)kind, tid, tid, _time);
        if ((mask & Field.Tgid) != 0) e.Tgid = s.Int();
        if ((mask & Field.AsEntered) != 0)
        {
            if (!_entries.TryGetValue(tid, out var entry)) throw new DamagedRecording("an exit refers to an entry that was not recorded");
            e.SyscallNumber = entry.Number;
            e.Args = entry.Args;
            e.EntryTimeNs = entry.TimeNs;
        }
        if ((mask & Field.EntryTime) != 0) e.EntryTimeNs = _time - s.Signed();
        if ((mask & Field.Number) != 0) e.SyscallNumber = s.Int();
        if ((mask & Field.Args) != 0)
        {
            int argMask = s.Byte();
            for (int i = 0; i < 6; i++) if ((argMask & (1 << i)) != 0) e.Args[i] = s.Varint();
        }
        if ((mask & Field.Ip) != 0) e.InstructionPointer = _ip += (ulong)s.Signed();
        if ((mask & Field.Sp) != 0) e.StackPointer = _sp += (ulong)s.Signed();
        if ((mask & Field.Return) != 0) e.ReturnValue = s.Signed();
        if ((mask & Field.Flags) != 0)
        {
            var flags = (EventFlags)s.Byte();
            e.HasReturn = (flags & EventFlags.HasReturn) != 0;
            e.CoreDumped = (flags & EventFlags.CoreDumped) != 0;
            e.Injected = (flags & EventFlags.Injected) != 0;
            e.InjectedArgs = (flags & EventFlags.InjectedArgs) != 0;
            e.InjectedValue = (flags & EventFlags.InjectedValue) != 0;
        }
        if ((mask & Field.Signal) != 0) e.Signal = s.Int();
        if ((mask & Field.SigInfo) != 0)
        {
            var bytes = s.Blob();
            var into = MemoryMarshal.AsBytes(new Span<SigInfo>(ref e.SigInfo));
            if (bytes.Length > into.Length) throw new DamagedRecording("a siginfo is longer than siginfo_t");
            bytes.CopyTo(into);
        }
        if ((mask & Field.ExitCode) != 0) e.ExitCode = s.Int();
        if ((mask & Field.AttachKind) != 0) e.AttachKind = (AttachKind)s.Byte();
        if ((mask & Field.ThreadCount) != 0) e.ThreadCount = s.Int();
        if ((mask & Field.RelatedTid) != 0) e.RelatedTid = s.Int();
        if ((mask & Field.Interrupted) != 0) e.InterruptedSyscall = s.Int();
        if ((mask & Field.SystemTime) != 0) e.SystemTimeNs = s.Signed();
        if ((mask & Field.Message) != 0) e.Message = s.Text();
        if ((mask & Field.Totals) != 0)
            e.Totals = new CallTotals(s.Signed(), s.Signed(), s.Signed(), s.Signed(), s.Signed());
        if ((mask & Field.Loss) != 0) e.Loss = new EventLoss(s.Signed(), s.Signed());
        if ((mask & ~AllFields) != 0) throw new DamagedRecording("an event has fields this version does not know");
        if (e.Kind == TraceEventKind.SyscallEntry) _entries[tid] = (e.SyscallNumber, e.Args, e.TimeNs);
    }
}
