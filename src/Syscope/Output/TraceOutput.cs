namespace Syscope.Output;

/// <summary>
/// One trace destination (stderr, -o FILE, or one NAME.PID of -ff): UTF-8 bytes buffered and
/// written straight to the stream, with the current column tracked for strace's alignment of
/// " = ".  Stderr is flushed at every stop so a partial line shows before the tracee's own output.
/// </summary>
internal sealed class TraceOutput(Stream stream, bool flushEachEvent) : IDisposable
{
    private readonly byte[] _buf = new byte[64 * 1024];
    private int _len;

    public int Column { get; private set; }
    /// <summary>The tracee whose line is open (printed up to its entry, waiting for its exit), or 0.</summary>
    public int OpenPid;
    public bool FlushEachEvent { get; } = flushEachEvent;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (_len + data.Length > _buf.Length)
        {
            Flush();
            if (data.Length > _buf.Length) { stream.Write(data); Column += data.Length; return; }
        }
        data.CopyTo(_buf.AsSpan(_len));
        _len += data.Length;
        Column += data.Length;
    }

    /// <summary>Bytes that take no column on screen (a colour's escape sequence): written, not counted.</summary>
    public void WriteStyle(ReadOnlySpan<byte> escape)
    {
        int column = Column;
        Write(escape);
        Column = column;
    }

    public void Write(byte b)
    {
        if (_len == _buf.Length) Flush();
        _buf[_len++] = b;
        Column++;
    }

    /// <summary>Pads with spaces to strace's -a column (40 by default: the space before '=' is
    /// its 40th character), then " = ".</summary>
    public void ReturnSeparator(int column)
    {
        while (Column < column - 1) Write((byte)' ');
        Write(" = "u8);
    }

    public void EndLine()
    {
        Write((byte)'\n');
        Column = 0;
        OpenPid = 0;
    }

    /// <summary>Whole lines that follow a call's line (-e read=/write= dumps), each ending in '\n'.</summary>
    public void WriteLines(ReadOnlySpan<byte> lines)
    {
        Write(lines);
        Column = 0;
        OpenPid = 0;
    }

    public void EndEvent()
    {
        if (FlushEachEvent) Flush();
    }

    public void Flush()
    {
        if (_len == 0) return;
        try { stream.Write(_buf, 0, _len); stream.Flush(); }
        catch (IOException) { }   // a closed pipe must not take the tracees down with us
        _len = 0;
    }

    /// <summary>The stream itself, everything buffered written out first (for the -c table).</summary>
    public Stream FlushedStream()
    {
        Flush();
        return stream;
    }

    public void Dispose()
    {
        Flush();
        stream.Dispose();
    }
}
