using Syscope.Syscalls;

namespace Syscope.Decoding;

/// <summary>
/// Prints one syscall's arguments.  Entry prints what the caller passed in; Exit prints what the
/// kernel wrote back (buffers, structures) and may choose the return format.  Arguments are
/// printed in order, so once an output argument comes, every later one waits for Exit too.
/// </summary>
internal abstract class SyscallDecoder
{
    public virtual void Entry(ref DecodeContext c) { }

    public virtual void Exit(ref DecodeContext c) { }
}

/// <summary>A decoder made of two functions, for the many syscalls whose halves are one-liners.</summary>
internal delegate void DecodeStep(ref DecodeContext c);

/// <param name="exitArgs">Whether exit always prints an argument, so entry ends with its separator;
/// false for exits that only pick the return format or print conditionally.</param>
/// <remarks>The return value prints as the row's Returns says unless the exit picks otherwise.</remarks>
internal sealed class FuncDecoder(DecodeStep entry, DecodeStep? exit = null, bool? exitArgs = null) : SyscallDecoder
{
    private readonly bool _sepAhead = exitArgs ?? exit != null;

    public override void Entry(ref DecodeContext c)
    {
        entry(ref c);
        if (_sepAhead) c.Out.SepAhead();
    }

    public override void Exit(ref DecodeContext c) => exit?.Invoke(ref c);
}
