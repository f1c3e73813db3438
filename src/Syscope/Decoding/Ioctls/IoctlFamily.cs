namespace Syscope.Decoding.Ioctls;

/// <summary>What an ioctl family's entry half did with the argument.</summary>
internal enum IoctlArg
{
    /// <summary>Not a request the family decodes: the argument prints in hex.</summary>
    Unknown,
    /// <summary>Everything is printed (or the request takes no argument).</summary>
    Done,
    /// <summary>Nothing printed yet: the argument is the kernel's answer, printed at exit.</summary>
    AtExit,
    /// <summary>The input part is printed; the exit adds what the kernel wrote back.</summary>
    Continues,
}

/// <summary>The requests of one driver or subsystem (one or more _IOC types): how their names print
/// when strace gives them a form of their own, and their arguments.</summary>
internal abstract class IoctlFamily
{
    /// <summary>The _IOC types (the request's second byte) whose requests this family decodes.</summary>
    public abstract ReadOnlySpan<byte> Types { get; }

    /// <summary>Writes a request whose number carries an argument (EVIOCGBIT(EV_KEY, 8),
    /// HIDIOCGPHYS(8)); false when the request has only its table names.</summary>
    /// <param name="inComment">-X verbose: the name goes in the comment after the number, where a
    /// value without a name is bare hex (EVIOCGABS(0x3e), not EVIOCGABS(0x3e /* ABS_??? */)).</param>
    public virtual bool PrintRequest(ArgWriter w, uint cmd, bool inComment) => false;

    /// <summary>Prints the argument (with its separator) or says it waits for exit.</summary>
    public abstract IoctlArg Entry(ref DecodeContext c, uint cmd);

    /// <summary>After <see cref="IoctlArg.AtExit"/> or <see cref="IoctlArg.Continues"/>: what the
    /// kernel wrote (a failed call prints the address, as the family decides).</summary>
    public virtual void Exit(ref DecodeContext c, uint cmd) { }

    public static uint Dir(uint cmd) => cmd >> 30;
    public static uint Type(uint cmd) => (cmd >> 8) & 0xff;
    public static uint Nr(uint cmd) => cmd & 0xff;
    public static uint Size(uint cmd) => (cmd >> 16) & 0x3fff;
    public const uint Write = 1, Read = 2;
}
