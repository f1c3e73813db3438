using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>
/// --json: JSON Lines as docs/JSON.md describes them (schema <see cref="Schema"/>), one object per
/// completed call, signal, stop, fork, exec, exit and loss, for programs that read traces (jq, log
/// pipelines).  Each argument is typed (a number, a descriptor, the string's real bytes, flag names,
/// a structure's fields) from what its decoder recorded while printing it, with strace's text of it
/// next to it, so the two never disagree.  A call is written once, when it returns, so lines of
/// different processes never interleave mid-object; --json=entries also writes each call's entry
/// as it happens.  The same selection as the text output applies (-e trace, -P, -z/-Z, status=,
/// signal=, quiet=).
/// </summary>
internal sealed partial class JsonFormatter : ITraceRenderer, IDisposable
{
    /// <summary>The version of the record layout, in every record: raised when a field changes
    /// meaning or goes away (adding fields does not).</summary>
    public const int Schema = 1;

    private readonly JsonLine _json;
    private readonly TextWriter _messages;
    private readonly ArgWriter _scratch = new();
    private readonly IHostFacts _host;
    private readonly bool _entries;
    private readonly ThreadNames _names;

    public JsonFormatter(TraceOutput output, TextWriter messages, IHostFacts host, bool entries = false)
    {
        _json = new JsonLine(output);
        _messages = messages;
        _host = host;
        _entries = entries;
        _names = new ThreadNames(host);
    }

    public bool WantsTypedValues => true;

    public void Signal(in TraceEvent e)
    {
        _scratch.Clear();
        SiginfoPrinter.Print(_scratch, e.SigInfo);
        Begin("signal"u8, e.Tid, e.Tgid, e.TimeNs);
        _json.Member("signal"u8).String(SignalNames.NameUtf8(e.Signal));
        _json.Member("siginfo"u8).String(_scratch.Written);
        End();
    }

    public void Stopped(in TraceEvent e)
    {
        Begin("stopped"u8, e.Tid, e.Tgid, e.TimeNs);
        _json.Member("signal"u8).String(SignalNames.NameUtf8(e.Signal));
        End();
    }

    /// <summary>The detach is a record of its own; the "Process N detached" message stays with the text output.</summary>
    public void Detached(in TraceEvent e, bool announce)
    {
        Begin("detached"u8, e.Tid, e.Tgid, e.TimeNs);
        End();
        _names.Forget(e.Tid);
    }

    /// <summary>A followed child (fork, vfork, clone) is a "fork" record; a launched or -p process is the trace's own.</summary>
    public void Attached(in TraceEvent e)
    {
        if (e.AttachKind != AttachKind.Followed) return;
        Begin("fork"u8, e.Tid, e.Tgid, e.TimeNs);
        _json.Member("parent"u8).Number(e.RelatedTid);
        End();
    }

    public void Superseded(in TraceEvent e, bool shown)
    {
        _names.Forget(e.RelatedTid);
        if (!shown) return;
        Begin("superseded"u8, e.RelatedTid, e.Tgid, e.TimeNs);
        _json.Member("by"u8).Number(e.Tid);
        End();
    }

    /// <summary>Lost events are a record of their own, where they were noticed: a reader of the stream
    /// knows it is incomplete from there on.</summary>
    public void Lost(in TraceEvent e)
    {
        _json.BeginObject();
        _json.Member("type"u8).String("lost"u8);
        _json.Member("schema"u8).Number(Schema);
        _json.Member("ts"u8).Number(_host.WallClock.UnixNanos(e.TimeNs));
        _json.Member("events"u8).Number(e.Loss.Events);
        _json.Member("buffer_size"u8).Number(e.Loss.BufferBytes);
        End();
    }

    public void Ended(in TraceEvent e, bool shown)
    {
        if (shown)
        {
            if (e.Kind == TraceEventKind.Exited)
            {
                Begin("exited"u8, e.Tid, e.Tgid, e.TimeNs);
                _json.Member("status"u8).Number(e.ExitCode);
            }
            else
            {
                Begin("killed"u8, e.Tid, e.Tgid, e.TimeNs);
                _json.Member("signal"u8).String(SignalNames.NameUtf8(e.Signal));
                _json.Member("core_dumped"u8).Bool(e.CoreDumped);
            }
            End();
        }
        _names.Forget(e.Tid);
    }

    public void Message(string text)
    {
        _json.Output.Flush();
        _messages.WriteLine("syscope: " + text);
        _messages.Flush();
    }

    public void Complete() => _json.Output.Flush();

    public void Dispose() => Complete();

    /// <summary>--json=entries: the call as its entry shows it, for watching calls that block.</summary>
    public void Entered(AssembledCall call)
    {
        if (!_entries) return;
        BeginCall("syscall_entry"u8, call);
        Arguments(call);
        End();
    }

    public void Completed(AssembledCall call)
    {
        Call(call, default);
        // A successful execve is also an "exec" record: from here on the thread runs a new
        // program (and has the new program's name).
        if (call.HasReturn && !call.Failed && call.Number is Sys.execve or Sys.execveat)
        {
            _names.Forget(call.Tid);
            Begin("exec"u8, call.Tid, call.Tgid, call.ExitTimeNs);
            End();
        }
    }

    /// <summary>A call cut short by the thread's end or a detach: written with what is known.</summary>
    public void Unfinished(AssembledCall call, CallCut cut, long nowNs) =>
        Call(call, cut switch { CallCut.Exited => "exited"u8, CallCut.Detached => "detached"u8, CallCut.Lost => "lost"u8, _ => "superseded"u8 });

    /// <summary>One call object; retval is null for a call that never returned.</summary>
    private void Call(AssembledCall call, ReadOnlySpan<byte> unfinished)
    {
        BeginCall("syscall"u8, call);
        if (call.HasReturn)
        {
            _json.Member("ts_exit"u8).Number(_host.WallClock.UnixNanos(call.ExitTimeNs));
            _json.Member("duration_ns"u8).Number(call.ExitTimeNs - call.EntryTimeNs);
        }
        Arguments(call);
        if (call.HasReturn) Result(call);
        else
        {
            _json.Member("retval"u8).Null();
            if (!unfinished.IsEmpty) _json.Member("unfinished"u8).String(unfinished);
        }
        if (call.Stack is { } stack) Stack(stack);
        End();
    }

    private void Result(AssembledCall call)
    {
        long r = call.ReturnValue;
        if (call.Failed)
        {
            int errno = call.Errno;
            // Restart codes never reach the program, which is why strace shows "?" for them.
            if (call.Restarted) _json.Member("retval"u8).Null(); else _json.Member("retval"u8).Number(-1);
            if (Errno.IsKnown(errno))
            {
                _json.Member("errno"u8).String(Errno.NameUtf8(errno));
                _json.Member("error"u8).String(Errno.MessageUtf8(errno));
            }
            else _json.Member("errno"u8).Number(errno);
        }
        else
        {
            _json.Member("retval"u8).Number(r);
            // Hex, octal, descriptor paths and "(flags O_RDWR)"-style notes: what the text shows.
            var format = call.ReturnFormat;
            if (format is ReturnFormat.Hex or ReturnFormat.Octal || call.FdTarget.Length > 0 || call.HasNotes)
            {
                var w = _scratch;
                w.Clear();
                if (format == ReturnFormat.Hex) w.Hex((ulong)r);
                else if (format == ReturnFormat.Octal) w.Octal((ulong)r);
                else w.Int(r);
                w.Raw(call.FdTarget);
                if (call.HasNotes) w.Raw(" ("u8).Raw(call.Notes).Raw((byte)')');
                _json.Member("retval_text"u8).String(w.Written);
            }
        }
        if (call.Injected || call.InjectedArgs) _json.Member("injected"u8).String(call.Injected ? "retval"u8 : "args"u8);
        // -e read=/write=: strace's hex dump lines, as one string.
        if (call.Dump.Length > 0) _json.Member("dump"u8).String(call.Dump);
    }

    /// <summary>-k: "stack":[{"module","offset" (in the file, strace's bracketed number),"symbol",
    /// "symbol_offset","address"[,"file","line" under -kk where the line tables know them]}...];
    /// module and symbol are null where unknown.</summary>
    private void Stack(StackTrace stack)
    {
        _json.Member("stack"u8).BeginArray();
        foreach (ref readonly var f in stack.AsSpan())
        {
            _json.Element().BeginObject();
            _json.Member("module"u8);
            if (f.Kind == StackFrameKind.Unknown) _json.Null(); else Text(f.Module);
            if (f.Kind == StackFrameKind.Module) _json.Member("offset"u8).Number(f.ModuleOffset);
            _json.Member("symbol"u8);
            if (f.Symbol == null) _json.Null();
            else { Text(f.Symbol); _json.Member("symbol_offset"u8).Number(f.SymbolOffset); }
            _json.Member("address"u8).Number(f.Address);
            if (f.SourceFile != null)
            {
                _json.Member("file"u8);
                Text(f.SourceFile);
                _json.Member("line"u8).Number(f.SourceLine);
            }
            _json.EndObject();
        }
        _json.EndArray();
    }

    private void Text(string text)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        _json.String(buffer[..System.Text.Encoding.UTF8.GetBytes(text, buffer)]);
        if (rented != null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
    }

    private void BeginCall(ReadOnlySpan<byte> type, AssembledCall call)
    {
        Begin(type, call.Tid, call.Tgid, timeNs: null);
        _json.Member("syscall"u8).String(call.Syscall.NameUtf8);
        _json.Member("nr"u8).Number(call.Number);
        _json.Member("ts_entry"u8).Number(_host.WallClock.UnixNanos(call.EntryTimeNs));
    }

    /// <summary>The members every record of a thread starts with; "ts" unless it is a call (which has its own times).</summary>
    private void Begin(ReadOnlySpan<byte> type, int tid, int tgid, long? timeNs)
    {
        _json.BeginObject();
        _json.Member("type"u8).String(type);
        _json.Member("schema"u8).Number(Schema);
        if (timeNs is long ns) _json.Member("ts"u8).Number(_host.WallClock.UnixNanos(ns));
        _json.Member("tid"u8).Number(tid);
        _json.Member("tgid"u8).Number(tgid > 0 ? tgid : tid);
        _json.Member("comm"u8);
        _names.Write(_json, tid);
    }

    private void End()
    {
        _json.EndObject();
        _json.EndLine();
    }
}
