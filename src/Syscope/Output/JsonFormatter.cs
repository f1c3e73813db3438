using Syscope.Calls;
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
internal sealed class JsonFormatter : ITraceRenderer, IDisposable
{
    private readonly TraceOutput _output;
    private readonly TextWriter _messages;
    private readonly ArgWriter _scratch = new();
    /// <summary>The process name of the object being begun (the scratch may hold its siginfo).</summary>
    private readonly ArgWriter _name = new();
    private readonly IHostFacts _host;

    public JsonFormatter(TraceOutput output, TextWriter messages, IHostFacts host)
    {
        _output = output;
        _messages = messages;
        _host = host;
    }

    public void Signal(in TraceEvent e)
    {
        _scratch.Clear();
        SiginfoPrinter.Print(_scratch, e.SigInfo);
        Begin("signal"u8, e.Tid, e.TimeNs);
        Field("signal"u8).String(SignalNames.NameUtf8(e.Signal));
        Field("siginfo"u8).String(_scratch.Written);
        End();
    }

    public void Stopped(in TraceEvent e)
    {
        Begin("stopped"u8, e.Tid, e.TimeNs);
        Field("signal"u8).String(SignalNames.NameUtf8(e.Signal));
        End();
    }

    /// <summary>The detach is a record of its own; the "Process N detached" message stays with the text output.</summary>
    public void Detached(in TraceEvent e, bool announce)
    {
        Begin("detached"u8, e.Tid, e.TimeNs);
        End();
    }

    /// <summary>A launched or -p process is the trace's own; a followed child is news.</summary>
    public void Attached(in TraceEvent e)
    {
        if (e.AttachKind != AttachKind.Followed) return;
        Begin("attached"u8, e.Tid, e.TimeNs);
        Field("parent"u8).Number(e.RelatedTid);
        End();
    }

    public void Superseded(in TraceEvent e, bool shown)
    {
        if (!shown) return;
        Begin("superseded"u8, e.RelatedTid, e.TimeNs);
        Field("by"u8).Number(e.Tid);
        End();
    }

    /// <summary>Lost events are a record of their own, where they were noticed: a reader of the stream
    /// knows it is incomplete from there on.</summary>
    public void Lost(in TraceEvent e)
    {
        Begin("lost"u8, e.TimeNs);
        Field("events"u8).Number(e.Loss.Events);
        Field("buffer_size"u8).Number(e.Loss.BufferBytes);
        End();
    }

    public void Message(string text)
    {
        _output.Flush();
        _messages.WriteLine("syscope: " + text);
        _messages.Flush();
    }

    public void Complete() => _output.Flush();

    public void Dispose() => Complete();

    public void Completed(AssembledCall call) => Call(call, default);

    /// <summary>A call cut short by the thread's end or a detach: written with what is known.</summary>
    public void Unfinished(AssembledCall call, CallCut cut, long nowNs) =>
        Call(call, cut switch { CallCut.Exited => "exited"u8, CallCut.Detached => "detached"u8, CallCut.Lost => "lost"u8, _ => "superseded"u8 });

    /// <summary>One call object; retval is null for a call that never returned.</summary>
    private void Call(AssembledCall call, ReadOnlySpan<byte> unfinished)
    {
        Begin("syscall"u8, call.Tid, call.EntryTimeNs);
        Field("syscall"u8).String(call.Syscall.NameUtf8);
        Field("nr"u8).Number(call.Syscall.Number);
        Field("args"u8);
        _output.Write((byte)'[');
        for (int i = 0; i < call.ArgumentCount; i++)
        {
            if (i > 0) _output.Write((byte)',');
            String(call.Argument(i));
        }
        _output.Write((byte)']');
        if (call.HasReturn)
        {
            long r = call.ReturnValue;
            if (call.Failed)
            {
                int errno = call.Errno;
                // Restart codes never reach the program, which is why strace shows "?" for them.
                Field("retval"u8);
                if (call.Restarted) _output.Write("null"u8); else Number(-1);
                Field("errno"u8).String(Errno.IsKnown(errno) ? Errno.NameUtf8(errno) : default);
            }
            else
            {
                Field("retval"u8).Number(r);
                // Hex, octal, descriptor paths and "(flags O_RDWR)"-style notes: what the text shows.
                var format = call.ReturnFormat;
                if (format is ReturnFormat.Hex or ReturnFormat.Octal || call.FdTarget.Length > 0 || call.Notes.Length > 0)
                {
                    var w = _scratch;
                    w.Clear();
                    if (format == ReturnFormat.Hex) w.Hex((ulong)r);
                    else if (format == ReturnFormat.Octal) w.Octal((ulong)r);
                    else w.Int(r);
                    w.Raw(call.FdTarget);
                    if (call.Notes.Length > 0) w.Raw(" ("u8).Raw(call.Notes).Raw((byte)')');
                    Field("decoded"u8).String(w.Written);
                }
            }
            if (call.Injected || call.InjectedArgs) Field("injected"u8).Raw(call.Injected ? "\"retval\""u8 : "\"args\""u8);
            Field("duration"u8).Seconds((call.ExitTimeNs - call.EntryTimeNs) / 1000);
            // -e read=/write=: strace's hex dump lines, as one string.
            if (call.Dump.Length > 0) Field("dump"u8).String(call.Dump);
        }
        else
        {
            Field("retval"u8).Raw("null"u8);
            if (!unfinished.IsEmpty) Field("unfinished"u8).String(unfinished);
        }
        if (call.Stack is { } stack) Stack(stack);
        End();
    }

    /// <summary>-k: "stack":[{"module","offset" (in the file, strace's bracketed number),"symbol",
    /// "symbol_offset","address"[,"file","line" under -kk where the line tables know them]}...];
    /// module and symbol are null where unknown.</summary>
    private void Stack(StackTrace stack)
    {
        Field("stack"u8);
        _output.Write((byte)'[');
        bool first = true;
        foreach (ref readonly var f in stack.AsSpan())
        {
            if (!first) _output.Write((byte)',');
            first = false;
            _output.Write("{\"module\":"u8);
            if (f.Kind == StackFrameKind.Unknown) _output.Write("null"u8); else Text(f.Module);
            if (f.Kind == StackFrameKind.Module) Field("offset"u8).Number((long)f.ModuleOffset);
            Field("symbol"u8);
            if (f.Symbol == null) _output.Write("null"u8);
            else { Text(f.Symbol); Field("symbol_offset"u8).Number((long)f.SymbolOffset); }
            Field("address"u8).Number((long)f.Address);
            if (f.SourceFile != null)
            {
                Field("file"u8);
                Text(f.SourceFile);
                Field("line"u8).Number(f.SourceLine);
            }
            _output.Write((byte)'}');
        }
        _output.Write((byte)']');
    }

    private void Text(string text)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        String(buffer[..System.Text.Encoding.UTF8.GetBytes(text, buffer)]);
        if (rented != null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
    }

    public void Ended(in TraceEvent e, bool shown)
    {
        if (!shown) return;
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
        Begin(type, timestamp);
        Field("pid"u8).Number(pid);
        // Under --system-wide, --cgroup and --comm the backend knows each process's name.
        var name = _host.ProcessName(pid);
        if (!name.IsEmpty)
        {
            _name.Clear();
            _name.Escaped(name, 0);
            Field("comm"u8).String(_name.Written);
        }
    }

    /// <summary>An object of no process.</summary>
    private void Begin(ReadOnlySpan<byte> type, long timestamp)
    {
        _output.Write("{\"type\":\""u8);
        _output.Write(type);
        _output.Write("\",\"time\":"u8);
        Seconds(_host.WallClock.UnixMicros(timestamp));
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
