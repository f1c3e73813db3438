using Syscope.Events;

namespace Syscope.Stacks.Unwind;

/// <summary>
/// The top of a stopped thread's stack read in one piece: a walk reads a dozen or more words near
/// the stack pointer (return addresses, saved registers), and each read of the tracee's memory is
/// a system call.  Reads outside the window go to the tracee as they are.  Valid for one walk.
/// </summary>
internal sealed class StackWindow : ITraceeMemory
{
    private const int Size = 8192;

    private readonly byte[] _bytes = new byte[Size];
    private ITraceeMemory _memory = null!;
    private ulong _start;
    private int _length;
    private bool _loaded;

    public void Reset(ITraceeMemory memory, ulong stackPointer)
    {
        _memory = memory;
        _start = stackPointer;
        _length = 0;
        _loaded = false;
    }

    public int Read(ulong address, Span<byte> destination)
    {
        if (!_loaded && address >= _start && address - _start < Size)
        {
            _loaded = true;
            // Up to the end of the stack's mapping: a read that crosses it stops there.
            _length = _memory.Read(_start, _bytes);
        }
        if (address >= _start && address - _start + (ulong)destination.Length <= (ulong)_length)
        {
            _bytes.AsSpan((int)(address - _start), destination.Length).CopyTo(destination);
            return destination.Length;
        }
        return _memory.Read(address, destination);
    }
}
