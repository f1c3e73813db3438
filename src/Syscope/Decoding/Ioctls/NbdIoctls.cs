using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/nbd.h&gt; network block device requests (type 0xab): the socket, sizes and
/// timeout by value, the export's flags.</summary>
internal sealed class NbdIoctls : IoctlFamily
{
    private const uint SET_SOCK = 0xab00, SET_BLKSIZE = 0xab01, SET_SIZE = 0xab02, DO_IT = 0xab03, CLEAR_SOCK = 0xab04;
    private const uint CLEAR_QUE = 0xab05, PRINT_DEBUG = 0xab06, SET_SIZE_BLOCKS = 0xab07, DISCONNECT = 0xab08;
    private const uint SET_TIMEOUT = 0xab09, SET_FLAGS = 0xab0a;

    public override ReadOnlySpan<byte> Types => [0xab];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        switch (cmd)
        {
            case DO_IT or CLEAR_SOCK or CLEAR_QUE or PRINT_DEBUG or DISCONNECT: return IoctlArg.Done;
            case SET_SOCK: Args.Fd(ref c, 2); return IoctlArg.Done;
            case SET_BLKSIZE or SET_SIZE or SET_SIZE_BLOCKS or SET_TIMEOUT: Args.ULong(ref c, 2); return IoctlArg.Done;
            case SET_FLAGS: c.Out.Sep(); BlockConstants.NbdFlags.Print(c.Out, c.Arg(2)); return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }
}
