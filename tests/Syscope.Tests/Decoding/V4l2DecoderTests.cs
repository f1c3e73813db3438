using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Video4Linux2 requests, checked against the lines strace 6.1 prints for ioctl_v4l2.c and
/// ioctl_v4l2-success.c.</summary>
public class V4l2DecoderTests
{
    private const ulong ENUM_FMT = 0xc0405602, S_FMT = 0xc0d05605, G_CTRL = 0xc008561b, S_CTRL = 0xc008561c;
    private const ulong QUERYCTRL = 0xc0445624, STREAMON = 0x40045612, DQBUF = 0xc0585611, CREATE_BUFS = 0xc100565c;
    private static readonly DecodeOptions Raw = new() { ConstStyle = ConstStyle.Raw };
    private static readonly DecodeOptions Verbose = new() { ConstStyle = ConstStyle.Verbose };

    [Fact]
    public void Enumerated_format_shows_the_fourcc_and_its_name_at_exit()
    {
        var m = new FakeMemory();
        var f = new byte[64];
        BitConverter.TryWriteBytes(f.AsSpan(0), 3u);
        BitConverter.TryWriteBytes(f.AsSpan(4), 1u);
        BitConverter.TryWriteBytes(f.AsSpan(8), 1u);
        "YUYV 4:2:2"u8.CopyTo(f.AsSpan(12));
        "S508"u8.CopyTo(f.AsSpan(44));
        ulong addr = m.Put(f);
        Assert.Equal("ioctl(-1, VIDIOC_ENUM_FMT, {index=3, type=V4L2_BUF_TYPE_VIDEO_CAPTURE, flags=V4L2_FMT_FLAG_COMPRESSED, "
            + "description=\"YUYV 4:2:2\", pixelformat=v4l2_fourcc('S', '5', '0', '8') /* V4L2_PIX_FMT_SPCA508 */}) = 0",
            Of("ioctl", [unchecked((ulong)-1), ENUM_FMT, addr], 0, m));
        Assert.Equal("ioctl(-1, 0xc0405602 /* VIDIOC_ENUM_FMT */, {index=3, type=0x1 /* V4L2_BUF_TYPE_VIDEO_CAPTURE */}) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [unchecked((ulong)-1), ENUM_FMT, addr], -9, m, Verbose));
    }

    [Fact]
    public void Set_format_prints_the_pixel_format_and_what_the_kernel_wrote_back()
    {
        var m = new FakeMemory();
        var f = new byte[208];
        BitConverter.TryWriteBytes(f.AsSpan(0), 2u);
        BitConverter.TryWriteBytes(f.AsSpan(8), 640u);
        BitConverter.TryWriteBytes(f.AsSpan(12), 480u);
        f[16] = (byte)'A'; f[17] = (byte)'\''; f[18] = (byte)'\\'; f[19] = 0xfa;
        BitConverter.TryWriteBytes(f.AsSpan(20), 1u);
        BitConverter.TryWriteBytes(f.AsSpan(32), 7u);
        ulong addr = m.Put(f);
        const string pix = "fmt.pix={width=640, height=480, pixelformat=v4l2_fourcc('A', '\\'', '\\\\', '\\xfa'), field=V4L2_FIELD_NONE, "
            + "bytesperline=0, sizeimage=0, colorspace=V4L2_COLORSPACE_JPEG}";
        Assert.Equal($"ioctl(-1, VIDIOC_S_FMT, {{type=V4L2_BUF_TYPE_VIDEO_OUTPUT, {pix}}} => {{{pix}}}) = 0",
            Of("ioctl", [unchecked((ulong)-1), S_FMT, addr], 0, m));
        Assert.Equal("ioctl(-1, 0xc0d05605, {type=0x2, fmt.pix={width=640, height=480, pixelformat=0xfa5c2741, field=0x1, "
            + "bytesperline=0, sizeimage=0, colorspace=0x7}}) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [unchecked((ulong)-1), S_FMT, addr], -9, m, Raw));
    }

    [Fact]
    public void Control_ids_by_name_by_class_and_offset_and_unknown()
    {
        var m = new FakeMemory();
        ulong named = m.Ints(0x990a64, 42), classed = m.Ints(0xa31234, 1), unknown = m.Ints(0xa60000, -1);
        Assert.Equal("ioctl(-1, VIDIOC_G_CTRL, {id=V4L2_CID_MPEG_VIDEO_H264_CPB_SIZE, value=42}) = 0",
            Of("ioctl", [unchecked((ulong)-1), G_CTRL, named], 0, m));
        Assert.Equal("ioctl(-1, VIDIOC_S_CTRL, {id=V4L2_CTRL_CLASS_DETECT+0x1234, value=1 => 1}) = 0",
            Of("ioctl", [unchecked((ulong)-1), S_CTRL, classed], 0, m));
        Assert.Equal("ioctl(-1, 0xc008561c /* VIDIOC_S_CTRL */, {id=0xa31234 /* V4L2_CTRL_CLASS_DETECT+0x1234 */, value=1}) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [unchecked((ulong)-1), S_CTRL, classed], -9, m, Verbose));
        Assert.Equal("ioctl(-1, VIDIOC_S_CTRL, {id=0xa60000 /* V4L2_CID_??? */, value=-1}) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [unchecked((ulong)-1), S_CTRL, unknown], -9, m));
        var query = new byte[68];
        BitConverter.TryWriteBytes(query.AsSpan(0), 0x98999a9bu);
        ulong next = m.Put(query);
        Assert.Equal("ioctl(-1, VIDIOC_QUERYCTRL, {id=V4L2_CTRL_FLAG_NEXT_CTRL|0x18999a9b /* V4L2_CID_??? */}) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [unchecked((ulong)-1), QUERYCTRL, next], -9, m));
    }

    [Fact]
    public void Dequeued_buffer_and_stream_type()
    {
        var m = new FakeMemory();
        var b = new byte[88];
        BitConverter.TryWriteBytes(b.AsSpan(0), 5u);
        BitConverter.TryWriteBytes(b.AsSpan(4), 1u);
        BitConverter.TryWriteBytes(b.AsSpan(8), 100u);
        BitConverter.TryWriteBytes(b.AsSpan(12), 0x2003u);
        BitConverter.TryWriteBytes(b.AsSpan(24), 12L);
        BitConverter.TryWriteBytes(b.AsSpan(32), 345L);
        BitConverter.TryWriteBytes(b.AsSpan(60), 1u);
        BitConverter.TryWriteBytes(b.AsSpan(64), 0x1000u);
        BitConverter.TryWriteBytes(b.AsSpan(72), 4096u);
        ulong addr = m.Put(b);
        Assert.Equal("ioctl(3, VIDIOC_DQBUF, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, index=5, memory=V4L2_MEMORY_MMAP, m.offset=0x1000, length=4096, "
            + "bytesused=100, flags=V4L2_BUF_FLAG_MAPPED|V4L2_BUF_FLAG_QUEUED|V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC|V4L2_BUF_FLAG_TSTAMP_SRC_EOF, "
            + "timestamp={tv_sec=12, tv_usec=345}, ...}) = 0",
            Of("ioctl", [3, DQBUF, addr], 0, m));
        ulong type = m.Ints(9);
        Assert.Equal("ioctl(3, VIDIOC_STREAMON, [V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE]) = 0", Of("ioctl", [3, STREAMON, type], 0, m));
    }

    [Fact]
    public void Created_buffers_note_their_index_after_the_result()
    {
        var m = new FakeMemory();
        var b = new byte[256];
        BitConverter.TryWriteBytes(b.AsSpan(0), 2u);
        BitConverter.TryWriteBytes(b.AsSpan(4), 4u);
        BitConverter.TryWriteBytes(b.AsSpan(8), 2u);
        BitConverter.TryWriteBytes(b.AsSpan(16), 11u);
        "CU08"u8.CopyTo(b.AsSpan(24));
        ulong addr = m.Put(b);
        Assert.Equal("ioctl(3, VIDIOC_CREATE_BUFS, {count=4, memory=V4L2_MEMORY_USERPTR, format={type=V4L2_BUF_TYPE_SDR_CAPTURE, "
            + "fmt.sdr={pixelformat=v4l2_fourcc('C', 'U', '0', '8') /* V4L2_SDR_FMT_CU8 */}}}) = 0 ({index=2, count=4})",
            Of("ioctl", [3, CREATE_BUFS, addr], 0, m));
    }
}
