using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>The parts of a line around the arguments.</summary>
internal sealed partial class StraceFormatter
{
    /// <summary>Another tracee's line is open on this output: strace cuts it with "&lt;unfinished ...&gt;".</summary>
    private void Interrupt(TraceOutput o, int pid)
    {
        if (o.OpenPid == 0 || o.OpenPid == pid) return;
        o.Write(" <unfinished ...>"u8);
        o.EndLine();
    }

    /// <summary>Starts a call's line with its entry half, stamped with the entry's time: at the
    /// entry itself, or at the return when -z/-Z/status= held it back until the result was known.</summary>
    private void OpenLine(TraceOutput o, AssembledCall call)
    {
        int pid = call.Tid;
        Interrupt(o, pid);
        BeginLine(o, pid, call.EntryTimeNs, call.Number, call.InstructionPointer, ofCall: true);
        Paint(o, TraceColors.SyscallName);
        o.Write(call.Syscall.NameUtf8);
        Paint(o, TraceColors.Reset);
        o.Write((byte)'(');
        WriteArguments(o, call.EntryText);
        o.OpenPid = pid;
    }

    /// <summary>Continues this tracee's own open line, or starts a "&lt;... NAME resumed&gt;" one.</summary>
    private void ResumeLine(TraceOutput o, AssembledCall call, long timestamp)
    {
        int pid = call.Tid;
        if (o.OpenPid == pid) return;
        Interrupt(o, pid);
        BeginLine(o, pid, timestamp, call.Number, call.InstructionPointer, ofCall: true);
        o.Write("<... "u8);
        Paint(o, TraceColors.SyscallName);
        o.Write(call.Syscall.NameUtf8);
        Paint(o, TraceColors.Reset);
        o.Write(" resumed>"u8);
        o.OpenPid = pid;
    }

    /// <summary>A colour's escape sequence, when the trace is coloured.</summary>
    private void Paint(TraceOutput o, ReadOnlySpan<byte> escape)
    {
        if (_options.Color) o.WriteStyle(escape);
    }

    /// <summary>Decoded arguments; in colour, each quoted string dimmed.  Inside strace's quotes a
    /// quote is always escaped (\"), so a quote after a backslash never ends one.</summary>
    private void WriteArguments(TraceOutput o, ReadOnlySpan<byte> text)
    {
        if (!_options.Color) { o.Write(text); return; }
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (quoted && b == '\\') i++;
            else if (b == '"')
            {
                if (quoted) { o.Write(text[start..(i + 1)]); o.WriteStyle(TraceColors.Reset); start = i + 1; }
                else { o.Write(text[start..i]); o.WriteStyle(TraceColors.QuotedString); start = i; }
                quoted = !quoted;
            }
        }
        o.Write(text[start..]);
        if (quoted) o.WriteStyle(TraceColors.Reset);
    }

    private bool PidPrefix => !_options.PerProcessFiles &&
        (_options.OutputPath != null ? _options.FollowForks || _options.ManyProcesses : _liveProcesses > 1);

    /// <summary>What strace's lines start with: [pid N], -t's time, -r's delta, -n's number (the
    /// thread's last call on signal and exit lines too), -i's address.</summary>
    /// <param name="ofCall">The line is the call's own (not a signal or exit line, whose number
    /// is only the thread's last call, for -n): a call that renames shows the name from before.</param>
    private void BeginLine(TraceOutput o, int pid, long timestamp, int syscallNumber, ulong instructionPointer, bool ofCall = false)
    {
        var w = _scratch;
        w.Clear();
        if (_options.ProcessNames && !_options.PerProcessFiles)
        {
            // Processes picked by a scope: each line names its process, escaped as strace escapes
            // strings (the name is the process's to choose), "?" before the kernel told it.
            w.Raw("[pid "u8).Padded(pid, PidWidth, (byte)' ').Raw((byte)' ');
            var name = _host.ProcessName(pid);
            if (name.IsEmpty) w.Raw((byte)'?');
            else w.Escaped(name, 0);
            w.Raw("] "u8);
        }
        else if (PidPrefix)
        {
            // -Y: the process's name after its pid ("1234<sh> "), unpadded in a file as strace's.
            var name = _prefixNames.Of(pid, ofCall ? syscallNumber : -1);
            if (_options.OutputPath != null)
            {
                w.Int(pid);
                if (name.IsEmpty) while (w.Length < PidWidth) w.Raw((byte)' ');
                else w.Raw((byte)'<').Escaped(name, 0, angles: true).Raw((byte)'>');
                w.Raw((byte)' ');
            }
            else
            {
                w.Raw("[pid "u8).Padded(pid, PidWidth, (byte)' ');
                if (!name.IsEmpty) w.Raw((byte)'<').Escaped(name, 0, angles: true).Raw((byte)'>');
                w.Raw("] "u8);
            }
        }
        if (_options.Timestamps != TimestampStyle.None)
        {
            if (_options.Timestamps == TimestampStyle.Unix)
            {
                long ns = _host.WallClock.UnixNanos(timestamp);
                Seconds(w, ns / 1_000_000_000, 0, ns % 1_000_000_000, _options.TimestampDigits);
            }
            else
            {
                long ns = _host.WallClock.LocalNanosOfDay(timestamp);
                long sec = ns / 1_000_000_000;
                w.Padded(sec / 3600, 2).Raw((byte)':').Padded(sec / 60 % 60, 2).Raw((byte)':').Padded(sec % 60, 2);
                Fraction(w, ns % 1_000_000_000, _options.TimestampDigits);
            }
            w.Raw((byte)' ');
        }
        if (_options.RelativeTimestamps)
        {
            long ns = _lastLineTimestamp == 0 ? 0 : timestamp - _lastLineTimestamp;
            _lastLineTimestamp = timestamp;
            Seconds(w, ns / 1_000_000_000, 6, ns % 1_000_000_000, _options.RelativeDigits);
            w.Raw((byte)' ');
        }
        // -n: "[ 257] ", the number four wide as strace prints it.
        if (_options.SyscallNumbers) w.Raw((byte)'[').Padded(syscallNumber, 4, (byte)' ').Raw("] "u8);
        if (_options.InstructionPointer)
        {
            // strace's 16 question marks where it could not read the register (a process's end).
            if (instructionPointer == 0) w.Raw("[????????????????] "u8);
            else w.Raw((byte)'[').Padded16Hex(instructionPointer).Raw("] "u8);
        }
        o.Write(w.Written);
    }

    /// <summary>Seconds, space-padded to width, then the fraction at -t/-r/-T's precision.</summary>
    private static void Seconds(ArgWriter w, long seconds, int width, long nanos, int digits)
    {
        w.Padded(seconds, width, (byte)' ');
        Fraction(w, nanos, digits);
    }

    /// <summary>".mmm", ".uuuuuu" or ".nnnnnnnnn" of a second, truncated as strace truncates; nothing for 0 digits.</summary>
    private static void Fraction(ArgWriter w, long nanos, int digits)
    {
        if (digits == 0) return;
        long divisor = digits switch { 3 => 1_000_000, 6 => 1_000, _ => 1 };
        w.Raw((byte)'.').Padded(nanos / divisor, digits);
    }

    private void WriteReturn(TraceOutput o, AssembledCall call)
    {
        ReadOnlySpan<byte> style = !_options.Color || !call.HasReturn ? default
            : call.ExitTimeNs - call.EntryTimeNs >= _options.SlowNs ? TraceColors.Slow
            : call.Failed ? TraceColors.Failure : default;
        Paint(o, style);
        WriteReturnText(o, call);
        if (!style.IsEmpty) o.WriteStyle(TraceColors.Reset);
    }

    private void WriteReturnText(TraceOutput o, AssembledCall call)
    {
        _scratch.Clear();
        ReturnText(_scratch, call);
        o.Write(_scratch.Written);
    }

    /// <summary>What follows " = ": the value in its format, or "-1 ERRNO (message)", or "?".</summary>
    public static void ReturnText(ArgWriter w, AssembledCall call)
    {
        long ret = call.ReturnValue;
        if (!call.HasReturn) w.Raw((byte)'?');
        else if (call.Failed)
        {
            int errno = call.Errno;
            // Restart codes never reach the program: strace shows "?" rather than -1.
            // A zero-extended int's failure shows its value as it came ("4294967258 ENOSYS"), as strace does.
            if (call.Restarted) w.Raw("? "u8);
            else if (ret < 0) w.Raw("-1 "u8);
            else w.Int(ret).Raw((byte)' ');
            if (Errno.IsKnown(errno)) w.Raw(Errno.NameUtf8(errno)).Raw(" ("u8).Raw(Errno.MessageUtf8(errno)).Raw((byte)')');
            else w.Raw("errno "u8).Int(errno).Raw(" (Unknown error "u8).Int(errno).Raw((byte)')');
        }
        else
        {
            switch (call.ReturnFormat)
            {
                case ReturnFormat.Hex: w.Hex((ulong)ret); break;
                case ReturnFormat.Octal: w.Octal((ulong)ret); break;
                // strace's default format is unsigned: a value no error can have (an injected
                // retval=0x8000000000000000) prints as the kernel's unsigned long.
                case ReturnFormat.Unsigned or ReturnFormat.Decimal: w.UInt((ulong)ret); break;
                case ReturnFormat.None: w.Raw((byte)'?'); break;
                default: w.Int(ret); break;
            }
        }
    }

    private void WriteDuration(TraceOutput o, long ns)
    {
        o.Write((byte)' ');
        Paint(o, TraceColors.Duration(ns, _options.SlowNs));
        _scratch.Clear();
        _scratch.Raw((byte)'<');
        Seconds(_scratch, ns / 1_000_000_000, 0, ns % 1_000_000_000, _options.SyscallTimeDigits);
        _scratch.Raw((byte)'>');
        o.Write(_scratch.Written);
        Paint(o, TraceColors.Reset);
    }

    public void Signal(in TraceEvent e)
    {
        var o = Output(e.Tid);
        Interrupt(o, e.Tid);
        if (o.OpenPid == e.Tid) { o.Write(" <unfinished ...>"u8); o.EndLine(); }
        BeginLine(o, e.Tid, e.TimeNs, e.SyscallNumber, e.InstructionPointer);
        _scratch.Clear();
        _scratch.Raw("--- "u8).Raw(SignalNames.NameUtf8(e.Signal)).Raw((byte)' ');
        SiginfoPrinter.Print(_scratch, e.SigInfo, new PidNotes(_options.Decode.Pids, _host, e.Tid));
        _scratch.Raw(" ---"u8);
        Painted(o, TraceColors.Signal, _scratch.Written);
        o.EndLine();
        if (e.Stack != null) StackLines.Write(o, e.Stack);
        o.EndEvent();
    }

    public void Stopped(in TraceEvent e) => Whole(in e, "--- stopped by "u8, SignalNames.NameUtf8(e.Signal), " ---"u8);

    private void Painted(TraceOutput o, ReadOnlySpan<byte> escape, ReadOnlySpan<byte> text)
    {
        Paint(o, escape);
        o.Write(text);
        Paint(o, TraceColors.Reset);
    }

    private void Whole(in TraceEvent e, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        var o = Output(e.Tid);
        Interrupt(o, e.Tid);
        if (o.OpenPid == e.Tid) { o.Write(" <unfinished ...>"u8); o.EndLine(); }
        BeginLine(o, e.Tid, e.TimeNs, e.SyscallNumber, e.InstructionPointer);
        Paint(o, TraceColors.Signal);
        o.Write(a);
        o.Write(b);
        o.Write(c);
        Paint(o, TraceColors.Reset);
        o.EndLine();
        o.EndEvent();
    }

    /// <summary>A call cut short by its thread's end (its exit, or an execve in another thread):
    /// ") = ?", with " &lt;unfinished ...&gt;" before it where the entry left arguments for the exit
    /// to print, as strace says when its decoder waited for an exit that never came (always for a
    /// lost exit); " &lt;detached ...&gt;" on its open line when it was let go.</summary>
    public void Unfinished(AssembledCall call, CallCut cut, long nowNs)
    {
        var o = Output(call.Tid);
        if (cut == CallCut.Detached)
        {
            // Held by -e status= until it ended: it is shown now, as far as it got.
            if (call.Held) OpenLine(o, call);
            else if (o.OpenPid != call.Tid) return;
            o.Write(" <detached ...>"u8);
            o.EndLine();
            return;
        }
        if (call.Held) OpenLine(o, call);
        ResumeLine(o, call, nowNs);
        o.Write(cut == CallCut.Lost || call.AwaitsExit ? " <unfinished ...>)"u8 : ")"u8);
        o.ReturnSeparator(_options.Column);
        o.Write((byte)'?');
        o.EndLine();
    }

    /// <summary>The thread is gone: "+++ exited with N +++" or "+++ killed by SIG +++".</summary>
    public void Ended(in TraceEvent e, bool shown)
    {
        var o = Output(e.Tid);
        _pendingStacks.Remove(e.Tid, out var stack);
        if (!shown) { _liveProcesses--; EndProcess(e.Tid); return; }
        Interrupt(o, e.Tid);
        BeginLine(o, e.Tid, e.TimeNs, e.SyscallNumber, e.InstructionPointer);
        _scratch.Clear();
        if (e.Kind == TraceEventKind.Exited) _scratch.Raw("+++ exited with "u8).Int(e.ExitCode).Raw(" +++"u8);
        else
        {
            _scratch.Raw("+++ killed by "u8).Raw(SignalNames.NameUtf8(e.Signal));
            if (e.CoreDumped) _scratch.Raw(" (core dumped)"u8);
            _scratch.Raw(" +++"u8);
        }
        Painted(o, e.Kind == TraceEventKind.Exited && e.ExitCode == 0 ? TraceColors.Exit : TraceColors.Killed, _scratch.Written);
        o.EndLine();
        if (stack != null) StackLines.Write(o, stack);
        o.EndEvent();
        _liveProcesses--;   // only now: the +++ line itself still carries its [pid N]
        EndProcess(e.Tid);
        _prefixNames.Forget(e.Tid);
    }

    private void EndProcess(int tid)
    {
        _lastOutput = null;
        if (_options.PerProcessFiles && _outputs.Remove(tid, out var o)) o.Dispose();
    }

    public void Detached(in TraceEvent e, bool announce)
    {
        Output(e.Tid).Flush();   // the "detached" message (from the assembler) follows the line
        _liveProcesses--;
    }

    /// <summary>"+++ superseded by execve in pid T +++" on the leader's line: thread T exec'd and
    /// takes over the leader's id, and (with -ff) the leader's output then is T's, as strace swaps them.</summary>
    public void Superseded(in TraceEvent e, bool shown)
    {
        var leader = Output(e.Tid);
        _lastOutput = null;
        bool known = _outputs.Remove(e.RelatedTid, out var exec);
        if (known) _liveProcesses--;   // before the line: strace prints it as the count drops
        // The exec'ing thread's execve line still open (nothing cut in since): strace ends it
        // with the id it goes on under.
        if (known && exec!.OpenPid == e.RelatedTid)
        {
            _scratch.Clear();
            _scratch.Raw(" <pid changed to "u8).Int(e.Tid).Raw(" ...>"u8);
            exec.Write(_scratch.Written);
            exec.EndLine();
        }
        if (shown)
        {
            Interrupt(leader, e.Tid);
            BeginLine(leader, e.Tid, e.TimeNs, e.SyscallNumber, 0);
            _scratch.Clear();
            _scratch.Raw("+++ superseded by execve in pid "u8).Int(e.RelatedTid).Raw(" +++"u8);
            leader.Write(_scratch.Written);
            leader.EndLine();
            leader.EndEvent();
        }
        if (!known) return;
        if (_options.PerProcessFiles && exec != leader) leader.Dispose();
        _outputs[e.Tid] = exec!;
    }
}
