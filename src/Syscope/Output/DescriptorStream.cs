using Microsoft.Win32.SafeHandles;
using Syscope.Interop;

namespace Syscope.Output;

/// <summary>
/// A trace destination (stderr, -o FILE, an -ff NAME.PID) written with write(2) straight to its
/// descriptor.  The runtime's console stream pretends a write to a broken pipe succeeded, and
/// FileStream's errors carry .NET's words, so neither lets syscope say, as strace does, that the
/// trace could not be written.  The first failure is reported once, with Linux's errno, to
/// <c>failed(name, errno)</c>; what is written after it is dropped.
/// </summary>
internal sealed class DescriptorStream(SafeFileHandle handle, string name, Action<string, int> failed) : Stream
{
    private bool _failed;

    /// <summary>Whether the destination is a terminal (for --color=auto).</summary>
    public bool IsTerminal => Descriptors.IsTerminal(handle);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed || buffer.IsEmpty) return;
        try { Descriptors.WriteAll(handle, buffer); }
        catch (SyscallException e)
        {
            _failed = true;
            failed(name, e.Errno);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() { }

    protected override void Dispose(bool disposing)
    {
        if (disposing) handle.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
