namespace Syscope.Decoding.Constants;

/// <summary>AIO opcodes (&lt;linux/aio_abi.h&gt;).</summary>
internal static class AioConstants
{
    public const ushort Pread = 0, Pwrite = 1, Preadv = 7, Pwritev = 8;

    public static readonly ValueSet Opcodes = new("IOCB_CMD_???", false,
        new(0, "IOCB_CMD_PREAD"), new(1, "IOCB_CMD_PWRITE"), new(2, "IOCB_CMD_FSYNC"), new(3, "IOCB_CMD_FDSYNC"),
        new(5, "IOCB_CMD_POLL"), new(6, "IOCB_CMD_NOOP"), new(7, "IOCB_CMD_PREADV"), new(8, "IOCB_CMD_PWRITEV"));
}
