using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>The parts of a line around the arguments.</summary>
public sealed partial class StraceFormatter
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
    private void OpenLine(TraceOutput o, LineState s, int pid)
    {
        Interrupt(o, pid);
        BeginLine(o, pid, s.EntryTimestamp);
        if (_options.SyscallNumbers) WriteSyscallNumber(o, s.SyscallNumber);
        o.Write(s.Syscall!.NameUtf8);
        o.Write((byte)'(');
        o.Write(s.Text.Slice(0, s.EntryLength));
        o.OpenPid = pid;
    }

    /// <summary>Continues this tracee's own open line, or starts a "&lt;... NAME resumed&gt;" one.</summary>
    private void ResumeLine(TraceOutput o, LineState s, int pid, long timestamp)
    {
        if (o.OpenPid == pid) return;
        Interrupt(o, pid);
        BeginLine(o, pid, timestamp);
        o.Write("<... "u8);
        o.Write(s.Syscall!.NameUtf8);
        o.Write(" resumed>"u8);
        o.OpenPid = pid;
    }

    private bool PidPrefix => !_options.PerProcessFiles &&
        (_options.OutputPath != null ? _options.FollowForks || _options.ManyProcesses : _liveProcesses > 1);

    private void BeginLine(TraceOutput o, int pid, long timestamp)
    {
        var w = _scratch;
        w.Clear();
        if (PidPrefix)
        {
            if (_options.OutputPath != null)
            {
                w.Int(pid);
                while (w.Length < _pidWidth) w.Raw((byte)' ');
                w.Raw((byte)' ');
            }
            else w.Raw("[pid "u8).Padded(pid, _pidWidth, (byte)' ').Raw("] "u8);
        }
        if (_options.Timestamps != TimestampStyle.None)
        {
            if (_options.Timestamps == TimestampStyle.Epoch)
            {
                long us = _host.WallClock.UnixMicros(timestamp);
                w.Int(us / 1_000_000).Raw((byte)'.').Padded(us % 1_000_000, 6);
            }
            else
            {
                long us = _host.WallClock.LocalMicrosOfDay(timestamp);
                long sec = us / 1_000_000;
                w.Padded(sec / 3600, 2).Raw((byte)':').Padded(sec / 60 % 60, 2).Raw((byte)':').Padded(sec % 60, 2);
                if (_options.Timestamps == TimestampStyle.Microseconds) w.Raw((byte)'.').Padded(us % 1_000_000, 6);
            }
            w.Raw((byte)' ');
        }
        if (_options.RelativeTimestamps)
        {
            long us = _lastLineTimestamp == 0 ? 0 : (timestamp - _lastLineTimestamp) / 1000;
            _lastLineTimestamp = timestamp;
            w.Padded(us / 1_000_000, 6, (byte)' ').Raw((byte)'.').Padded(us % 1_000_000, 6).Raw((byte)' ');
        }
        o.Write(w.Written);
    }

    private void WriteSyscallNumber(TraceOutput o, int nr)
    {
        _scratch.Clear();
        _scratch.Raw((byte)'[').Padded(nr, 3, (byte)' ').Raw("] "u8);
        o.Write(_scratch.Written);
    }

    private void WriteReturn(TraceOutput o, long ret, ReturnFormat format)
    {
        var w = _scratch;
        w.Clear();
        if (ret < 0 && ret >= -4095)
        {
            int errno = (int)-ret;
            // Restart codes never reach the program: strace shows "?" rather than -1.
            w.Raw(errno is >= 512 and <= 516 ? "? "u8 : "-1 "u8);
            if (Errno.IsKnown(errno)) w.Raw(Errno.NameUtf8(errno)).Raw(" ("u8).Raw(Errno.MessageUtf8(errno)).Raw((byte)')');
            else w.Raw("errno "u8).Int(errno).Raw(" (Unknown error "u8).Int(errno).Raw((byte)')');
        }
        else
        {
            switch (format)
            {
                case ReturnFormat.Hex: w.Hex((ulong)ret); break;
                case ReturnFormat.Octal: w.Octal((ulong)ret); break;
                case ReturnFormat.Unsigned: w.UInt((ulong)ret); break;
                case ReturnFormat.None: w.Raw((byte)'?'); break;
                default: w.Int(ret); break;
            }
        }
        o.Write(w.Written);
    }

    private void WriteDuration(TraceOutput o, long ns)
    {
        long us = ns / 1000;
        _scratch.Clear();
        _scratch.Raw(" <"u8).Int(us / 1_000_000).Raw((byte)'.').Padded(us % 1_000_000, 6).Raw((byte)'>');
        o.Write(_scratch.Written);
    }

    private void SignalLine(ref TraceEvent e)
    {
        if (e.Signal > 0 && e.Signal < _options.Filter.Signals.Length && !_options.Filter.Signals[e.Signal]) return;
        var s = State(e.Tid);
        var o = s.Output;
        Interrupt(o, e.Tid);
        if (o.OpenPid == e.Tid) { o.Write(" <unfinished ...>"u8); o.EndLine(); }
        BeginLine(o, e.Tid, e.TimeNs);
        _scratch.Clear();
        _scratch.Raw("--- "u8).Raw(SignalNames.NameUtf8(e.Signal)).Raw((byte)' ');
        SiginfoPrinter.Print(_scratch, e.SigInfo);
        _scratch.Raw(" ---"u8);
        o.Write(_scratch.Written);
        o.EndLine();
        o.EndEvent();
    }

    private void Whole(ref TraceEvent e, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        var o = State(e.Tid).Output;
        Interrupt(o, e.Tid);
        if (o.OpenPid == e.Tid) { o.Write(" <unfinished ...>"u8); o.EndLine(); }
        BeginLine(o, e.Tid, e.TimeNs);
        o.Write(a);
        o.Write(b);
        o.Write(c);
        o.EndLine();
        o.EndEvent();
    }

    /// <summary>The process is gone: a call it never returned from ends with "= ?", then +++.</summary>
    private void Ended(ref TraceEvent e)
    {
        var s = State(e.Tid);
        var o = s.Output;
        bool showUnfinished = !s.Suppressed && (!_statusFiltered || _options.Filter.Status.HasFlag(Filtering.StatusSet.Unfinished));
        if (s.InSyscall && s.Syscall != null && showUnfinished)
        {
            if (_statusFiltered) OpenLine(o, s, e.Tid);
            ResumeLine(o, s, e.Tid, e.TimeNs);
            o.Write(" <unfinished ...>)"u8);
            o.ReturnSeparator();
            o.Write((byte)'?');
            o.EndLine();
            s.InSyscall = false;
        }
        s.InSyscall = false;
        if (_options.Filter.Quiet.HasFlag(Filtering.QuietSet.Exit)) { _liveProcesses--; EndProcess(s, e.Tid); return; }
        Interrupt(o, e.Tid);
        BeginLine(o, e.Tid, e.TimeNs);
        _scratch.Clear();
        if (e.Kind == TraceEventKind.Exited) _scratch.Raw("+++ exited with "u8).Int(e.ExitCode).Raw(" +++"u8);
        else
        {
            _scratch.Raw("+++ killed by "u8).Raw(SignalNames.NameUtf8(e.Signal));
            if (e.CoreDumped) _scratch.Raw(" (core dumped)"u8);
            _scratch.Raw(" +++"u8);
        }
        o.Write(_scratch.Written);
        o.EndLine();
        o.EndEvent();
        _liveProcesses--;   // only now: the +++ line itself still carries its [pid N]
        EndProcess(s, e.Tid);
    }

    private void EndProcess(LineState s, int pid)
    {
        if (_options.PerProcessFiles) { s.Output.Dispose(); _lines.Remove(pid); }
    }

    private void Detached(ref TraceEvent e)
    {
        var s = State(e.Tid);
        var o = s.Output;
        if (s.InSyscall && o.OpenPid == e.Tid)
        {
            o.Write(" <detached ...>"u8);
            o.EndLine();
        }
        o.Flush();
        if (!_options.Quiet) Message($"Process {e.Tid} detached");
        _liveProcesses--;
    }

    private void Superseded(ref TraceEvent e)
    {
        if (_lines.Remove(e.RelatedTid, out var old))
        {
            _liveProcesses--;
            _lines[e.Tid] = old;
            if (_options.Filter.Quiet.HasFlag(Filtering.QuietSet.Superseded)) return;
            var o = old.Output;
            Interrupt(o, e.RelatedTid);
            BeginLine(o, e.RelatedTid, e.TimeNs);
            _scratch.Clear();
            _scratch.Raw("+++ superseded by execve in pid "u8).Int(e.Tid).Raw(" +++"u8);
            o.Write(_scratch.Written);
            o.EndLine();
        }
    }
}
