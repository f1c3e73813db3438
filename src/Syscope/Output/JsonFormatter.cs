using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>
/// Writes events as JSON Lines, one object per completed call, signal, stop or exit, for programs
/// that read traces (jq, log pipelines).  Arguments are the same decoded text strace prints, one
/// string each, so the two formats never disagree about what a call did.  A call is written once,
/// when it returns, so lines of different processes never interleave mid-object; the entry time
/// is kept.  The same selection as the text output applies (-e trace, -P, -z/-Z, status=,
/// signal=, quiet=).
/// </summary>
public sealed class JsonFormatter : ITraceFormatter
{
    private const int ExitNr = 60, ExitGroupNr = 231;
    private readonly StraceOptions _options;
    private readonly TraceOutput _output;
    private readonly TextWriter _messages;
    private readonly DecodeEnvironment _env;
    private readonly Dictionary<int, CallText> _calls = new();
    private readonly ArgWriter _scratch = new();
    private readonly IHostFacts _host;

    public JsonFormatter(StraceOptions options, TraceOutput output, TextWriter messages, TraceFacts facts)
    {
        _options = options;
        _output = output;
        _messages = messages;
        _host = facts.Host;
        _env = new DecodeEnvironment(options.Decode, facts.Fds, options.Filter);
    }

    public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
    {
        switch (e.Kind)
        {
            case TraceEventKind.SyscallEntry: Entry(ref e, memory); break;
            case TraceEventKind.SyscallExit: Exit(ref e, memory); break;
            case TraceEventKind.Signal:
                if (e.Signal > 0 && e.Signal < _options.Filter.Signals.Length && !_options.Filter.Signals[e.Signal]) break;
                _scratch.Clear();
                SiginfoPrinter.Print(_scratch, e.SigInfo);
                Begin("signal"u8, e.Tid, e.TimeNs);
                Field("signal"u8).String(SignalNames.NameUtf8(e.Signal));
                Field("siginfo"u8).String(_scratch.Written);
                End();
                break;
            case TraceEventKind.GroupStop:
                Begin("stopped"u8, e.Tid, e.TimeNs);
                Field("signal"u8).String(SignalNames.NameUtf8(e.Signal));
                End();
                break;
            case TraceEventKind.Exited or TraceEventKind.Killed: Ended(ref e); break;
            case TraceEventKind.Detached:
                Unfinished(e.Tid, e.TimeNs, "detached"u8);
                Begin("detached"u8, e.Tid, e.TimeNs);
                End();
                break;
            case TraceEventKind.Attached:
                if (e.AttachKind != AttachKind.Launched && !_options.Quiet) Message(Announcement.Attached(ref e));
                // A launched or -p process is the trace's own; a followed child is news.
                if (e.AttachKind != AttachKind.Followed) break;
                Begin("attached"u8, e.Tid, e.TimeNs);
                Field("parent"u8).Number(e.RelatedTid);
                End();
                break;
            case TraceEventKind.ExecFailed: Message("exec: " + Errno.Message((int)-e.ReturnValue)); break;
            case TraceEventKind.Message: Message(e.Message!); break;
            case TraceEventKind.Superseded:
                if (_calls.Remove(e.RelatedTid, out var old)) _calls[e.Tid] = old;
                if (_options.Filter.Quiet.HasFlag(Filtering.QuietSet.Superseded)) break;
                Begin("superseded"u8, e.RelatedTid, e.TimeNs);
                Field("by"u8).Number(e.Tid);
                End();
                break;
        }
    }

    public void Message(string text)
    {
        _output.Flush();
        _messages.WriteLine("syscope: " + text);
        _messages.Flush();
    }

    public void Complete() => _output.Flush();

    public void Dispose() => Complete();

    private CallText State(int pid)
    {
        if (!_calls.TryGetValue(pid, out var s)) _calls[pid] = s = new CallText();
        return s;
    }

    private void Entry(ref TraceEvent e, ITraceeMemory memory)
    {
        var s = State(e.Tid);
        s.DecodeEntry(ref e, memory, _env);
        if (e.SyscallNumber is ExitNr or ExitGroupNr && !e.Injected)
        {
            // These never return (unless injected); the call is complete as it starts.
            if (!s.Suppressed && _options.Filter.Status.HasFlag(Filtering.StatusSet.Unfinished)) Call(s, e.Tid, ret: null, ReturnFormat.None, e.TimeNs, default);
            s.InSyscall = false;
        }
    }

    private void Exit(ref TraceEvent e, ITraceeMemory memory)
    {
        var s = State(e.Tid);
        if (!s.EndCall(ref e)) return;
        var format = s.DecodeExit(ref e, memory, _env);
        bool failed = e.ReturnValue < 0 && e.ReturnValue >= -4095;
        // A bit test, not HasFlag: with a flag computed at run time HasFlag boxed (48 B a line).
        if ((_options.Filter.Status & (failed ? Filtering.StatusSet.Failed : Filtering.StatusSet.Successful)) == 0) return;
        Call(s, e.Tid, e.ReturnValue, format, e.TimeNs, e);
    }

    /// <summary>One call object; ret is null for a call that never returned.</summary>
    private void Call(CallText s, int pid, long? ret, ReturnFormat format, long now, in TraceEvent e, ReadOnlySpan<byte> unfinished = default)
    {
        var call = s.Syscall!;
        Begin("syscall"u8, pid, s.EntryTimestamp);
        Field("syscall"u8).String(call.NameUtf8);
        Field("nr"u8).Number(call.Number);
        Field("args"u8);
        _output.Write((byte)'[');
        for (int i = 0; i < s.Text.ArgCount; i++)
        {
            if (i > 0) _output.Write((byte)',');
            String(s.Text.Argument(i));
        }
        _output.Write((byte)']');
        if (ret is long r)
        {
            if (r < 0 && r >= -4095)
            {
                int errno = (int)-r;
                // Restart codes never reach the program, which is why strace shows "?" for them.
                Field("retval"u8);
                if (errno is >= 512 and <= 516) _output.Write("null"u8); else Number(-1);
                Field("errno"u8).String(Errno.IsKnown(errno) ? Errno.NameUtf8(errno) : default);
            }
            else
            {
                Field("retval"u8).Number(r);
                // Hex, octal, descriptor paths and "(flags O_RDWR)"-style notes: what the text shows.
                if (format is ReturnFormat.Hex or ReturnFormat.Octal || _env.FdTarget.Length > 0 || _env.Aux.Length > 0)
                {
                    var w = _scratch;
                    w.Clear();
                    if (format == ReturnFormat.Hex) w.Hex((ulong)r);
                    else if (format == ReturnFormat.Octal) w.Octal((ulong)r);
                    else w.Int(r);
                    w.Raw(_env.FdTarget.Written);
                    if (_env.Aux.Length > 0) w.Raw(" ("u8).Raw(_env.Aux.Written).Raw((byte)')');
                    Field("decoded"u8).String(w.Written);
                }
            }
            if (e.Injected || e.InjectedArgs) Field("injected"u8).Raw(e.Injected ? "\"retval\""u8 : "\"args\""u8);
            Field("duration"u8).Seconds((now - s.EntryTimestamp) / 1000);
            // -e read=/write=: strace's hex dump lines, as one string.
            if (_env.Dump.Length > 0) Field("dump"u8).String(_env.Dump.Written);
        }
        else
        {
            Field("retval"u8).Raw("null"u8);
            if (!unfinished.IsEmpty) Field("unfinished"u8).String(unfinished);
        }
        End();
    }

    /// <summary>A call cut short by the process's end or a detach: written with what is known.</summary>
    private void Unfinished(int pid, long now, ReadOnlySpan<byte> why)
    {
        if (!_calls.TryGetValue(pid, out var s) || !s.InSyscall || s.Syscall == null) return;
        s.InSyscall = false;
        if (s.Suppressed || !_options.Filter.Status.HasFlag(Filtering.StatusSet.Unfinished)) return;
        Call(s, pid, null, ReturnFormat.None, now, default, why);
    }

    private void Ended(ref TraceEvent e)
    {
        Unfinished(e.Tid, e.TimeNs, "exited"u8);
        _calls.Remove(e.Tid);
        if (_options.Filter.Quiet.HasFlag(Filtering.QuietSet.Exit)) return;
        if (e.Kind == TraceEventKind.Exited)
        {
            Begin("exited"u8, e.Tid, e.TimeNs);
            Field("status"u8).Number(e.ExitCode);
        }
        else
        {
            Begin("killed"u8, e.Tid, e.TimeNs);
            Field("signal"u8).String(SignalNames.NameUtf8(e.Signal));
            Field("core_dumped"u8).Raw(e.CoreDumped ? "true"u8 : "false"u8);
        }
        End();
    }

    // The object is written straight to the buffered output: no JSON DOM, no strings per event.

    private void Begin(ReadOnlySpan<byte> type, int pid, long timestamp)
    {
        _output.Write("{\"type\":\""u8);
        _output.Write(type);
        _output.Write("\",\"time\":"u8);
        Seconds(_host.WallClock.UnixMicros(timestamp));
        _output.Write(",\"pid\":"u8);
        Number(pid);
    }

    private void End()
    {
        _output.Write((byte)'}');
        _output.EndLine();
        _output.EndEvent();
    }

    private JsonFormatter Field(ReadOnlySpan<byte> name)
    {
        _output.Write(",\""u8);
        _output.Write(name);
        _output.Write("\":"u8);
        return this;
    }

    private JsonFormatter Raw(ReadOnlySpan<byte> json)
    {
        _output.Write(json);
        return this;
    }

    private JsonFormatter Number(long v)
    {
        Span<byte> digits = stackalloc byte[24];
        System.Buffers.Text.Utf8Formatter.TryFormat(v, digits, out int n);
        _output.Write(digits[..n]);
        return this;
    }

    /// <summary>Microseconds as seconds with six decimals, the precision strace's -ttt and -T use.</summary>
    private JsonFormatter Seconds(long micros)
    {
        if (micros < 0) { _output.Write((byte)'-'); micros = -micros; }
        Number(micros / 1_000_000);
        Span<byte> frac = stackalloc byte[7];
        frac[0] = (byte)'.';
        long f = micros % 1_000_000;
        for (int i = 6; i >= 1; i--) { frac[i] = (byte)('0' + f % 10); f /= 10; }
        _output.Write(frac);
        return this;
    }

    /// <summary>A JSON string.  Decoded text is already printable ASCII (tracee bytes were escaped
    /// by the decoders), so only quotes and backslashes need escaping; anything else below 0x20 or
    /// above 0x7e is written as \u00XX all the same, so no byte can break the line format.</summary>
    private JsonFormatter String(ReadOnlySpan<byte> text)
    {
        _output.Write((byte)'"');
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') continue;
            _output.Write(text[run..i]);
            if (b is (byte)'"' or (byte)'\\') { _output.Write((byte)'\\'); _output.Write(b); }
            else
            {
                Span<byte> esc = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex(b >> 4), Hex(b & 15)];
                _output.Write(esc);
            }
            run = i + 1;
        }
        _output.Write(text[run..]);
        _output.Write((byte)'"');
        return this;
    }

    private static byte Hex(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);
}
