using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <linux/videodev2.h>: the arguments of Video4Linux2 requests (type 'V').

[CLayout("struct v4l2_rect", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Rect
{
    [CField("left")] public int Left;
    [CField("top")] public int Top;
    [CField("width")] public uint Width;
    [CField("height")] public uint Height;
}

[CLayout("struct v4l2_fract", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Fract
{
    [CField("numerator")] public uint Numerator;
    [CField("denominator")] public uint Denominator;
}

[CLayout("struct v4l2_capability", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Capability
{
    [CField("driver")] public fixed byte Driver[16];
    [CField("card")] public fixed byte Card[32];
    [CField("bus_info")] public fixed byte BusInfo[32];
    [CField("version")] public uint Version;
    [CField("capabilities")] public uint Capabilities;
    [CField("device_caps")] public uint DeviceCaps;
    [CField("reserved")] public fixed uint Reserved[3];
}

[CLayout("struct v4l2_fmtdesc", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Fmtdesc
{
    [CField("index")] public uint Index;
    [CField("type")] public uint Type;
    [CField("flags")] public uint Flags;
    [CField("description")] public fixed byte Description[32];
    [CField("pixelformat")] public uint PixelFormat;
    [CField("mbus_code")] public uint MbusCode;
    [CField("reserved")] public fixed uint Reserved[3];
}

/// <summary>The format is a union by type, read as one of the structures below.</summary>
[CLayout("struct v4l2_format", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Format
{
    public const int FmtSize = 200;
    [CField("type")] public uint Type;
    private readonly uint _pad;
    [CField("fmt")] public fixed byte Fmt[FmtSize];
}

[CLayout("struct v4l2_pix_format", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2PixFormat
{
    [CField("width")] public uint Width;
    [CField("height")] public uint Height;
    [CField("pixelformat")] public uint PixelFormat;
    [CField("field")] public uint Field;
    [CField("bytesperline")] public uint BytesPerLine;
    [CField("sizeimage")] public uint SizeImage;
    [CField("colorspace")] public uint Colorspace;
    [CField("priv")] public uint Priv;
    [CField("flags")] public uint Flags;
    [CField("ycbcr_enc")] public uint YcbcrEnc;
    [CField("quantization")] public uint Quantization;
    [CField("xfer_func")] public uint XferFunc;
}

[CLayout("struct v4l2_plane_pix_format", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct V4l2PlanePixFormat
{
    [CField("sizeimage")] public uint SizeImage;
    [CField("bytesperline")] public uint BytesPerLine;
    [CField("reserved")] public fixed ushort Reserved[6];
}

[CLayout("struct v4l2_pix_format_mplane", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct V4l2PixFormatMplane
{
    public const int MaxPlanes = 8;
    [CField("width")] public uint Width;
    [CField("height")] public uint Height;
    [CField("pixelformat")] public uint PixelFormat;
    [CField("field")] public uint Field;
    [CField("colorspace")] public uint Colorspace;
    [CField("plane_fmt")] public fixed byte PlaneFmt[MaxPlanes * 20];
    [CField("num_planes")] public byte NumPlanes;
    [CField("flags")] public byte Flags;
    [CField("ycbcr_enc")] public byte YcbcrEnc;
    [CField("quantization")] public byte Quantization;
    [CField("xfer_func")] public byte XferFunc;
    [CField("reserved")] public fixed byte Reserved[7];
}

[CLayout("struct v4l2_window", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Window
{
    [CField("w")] public V4l2Rect W;
    [CField("field")] public uint Field;
    [CField("chromakey")] public uint Chromakey;
    [CField("clips")] public ulong Clips;
    [CField("clipcount")] public uint ClipCount;
    [CField("bitmap")] public ulong Bitmap;
    [CField("global_alpha")] public byte GlobalAlpha;
}

[CLayout("struct v4l2_clip", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Clip
{
    [CField("c")] public V4l2Rect C;
    [CField("next")] public ulong Next;
}

[CLayout("struct v4l2_vbi_format", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2VbiFormat
{
    [CField("sampling_rate")] public uint SamplingRate;
    [CField("offset")] public uint Offset;
    [CField("samples_per_line")] public uint SamplesPerLine;
    [CField("sample_format")] public uint SampleFormat;
    [CField("start")] public fixed int Start[2];
    [CField("count")] public fixed uint Count[2];
    [CField("flags")] public uint Flags;
    [CField("reserved")] public fixed uint Reserved[2];
}

[CLayout("struct v4l2_sliced_vbi_format", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2SlicedVbiFormat
{
    public const int Lines = 24;
    [CField("service_set")] public ushort ServiceSet;
    [CField("service_lines")] public fixed ushort ServiceLines[2 * Lines];
    [CField("io_size")] public uint IoSize;
    [CField("reserved")] public fixed uint Reserved[2];
}

/// <summary>struct v4l2_sdr_format and struct v4l2_meta_format: a format and a buffer size.</summary>
[CLayout("struct v4l2_sdr_format", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct V4l2SdrFormat
{
    [CField("pixelformat")] public uint PixelFormat;
    [CField("buffersize")] public uint BufferSize;
    [CField("reserved")] public fixed byte Reserved[24];
}

[CLayout("struct v4l2_requestbuffers", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2RequestBuffers
{
    [CField("count")] public uint Count;
    [CField("type")] public uint Type;
    [CField("memory")] public uint Memory;
    [CField("capabilities")] public uint Capabilities;
    [CField("flags")] public byte Flags;
    [CField("reserved")] public fixed byte Reserved[3];
}

[CLayout("struct v4l2_buffer", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Buffer
{
    [CField("index")] public uint Index;
    [CField("type")] public uint Type;
    [CField("bytesused")] public uint BytesUsed;
    [CField("flags")] public uint Flags;
    [CField("field")] public uint Field;
    [CField("timestamp.tv_sec")] public long TimestampSec;
    [CField("timestamp.tv_usec")] public long TimestampUsec;
    [CField("timecode")] public fixed byte Timecode[16];
    [CField("sequence")] public uint Sequence;
    [CField("memory")] public uint Memory;
    /// <summary>The union m: offset (MMAP), userptr (USERPTR), planes, fd.</summary>
    [CField("m")] public ulong M;
    [CField("length")] public uint Length;
    [CField("reserved2")] public uint Reserved2;
    [CField("request_fd")] public int RequestFd;
}

[CLayout("struct v4l2_framebuffer", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Framebuffer
{
    [CField("capability")] public uint Capability;
    [CField("flags")] public uint Flags;
    [CField("base")] public ulong Base;
    [CField("fmt")] public fixed uint Fmt[8];
}

/// <summary>parm is struct v4l2_captureparm or v4l2_outputparm, the same shape: capability, the
/// mode, the time per frame, extendedmode, and the read or write buffers.</summary>
[CLayout("struct v4l2_streamparm", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2StreamParm
{
    [CField("type")] public uint Type;
    [CField("parm.capture.capability")] public uint Capability;
    [CField("parm.capture.capturemode")] public uint Mode;
    [CField("parm.capture.timeperframe")] public V4l2Fract TimePerFrame;
    [CField("parm.capture.extendedmode")] public uint ExtendedMode;
    [CField("parm.capture.readbuffers")] public uint Buffers;
    [CField("parm.capture.reserved")] public fixed uint Reserved[4];
    private fixed byte _rest[200 - 40];
}

[CLayout("struct v4l2_standard", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Standard
{
    [CField("index")] public uint Index;
    [CField("id")] public ulong Id;
    [CField("name")] public fixed byte Name[24];
    [CField("frameperiod")] public V4l2Fract FramePeriod;
    [CField("framelines")] public uint FrameLines;
    [CField("reserved")] public fixed uint Reserved[4];
}

[CLayout("struct v4l2_input", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Input
{
    [CField("index")] public uint Index;
    [CField("name")] public fixed byte Name[32];
    [CField("type")] public uint Type;
    [CField("audioset")] public uint AudioSet;
    [CField("tuner")] public uint Tuner;
    [CField("std")] public ulong Std;
    [CField("status")] public uint Status;
    [CField("capabilities")] public uint Capabilities;
    [CField("reserved")] public fixed uint Reserved[3];
}

[CLayout("struct v4l2_control", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Control
{
    [CField("id")] public uint Id;
    [CField("value")] public int Value;
}

[CLayout("struct v4l2_tuner", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2Tuner
{
    [CField("index")] public uint Index;
    [CField("name")] public fixed byte Name[32];
    [CField("type")] public uint Type;
    [CField("capability")] public uint Capability;
    [CField("rangelow")] public uint RangeLow;
    [CField("rangehigh")] public uint RangeHigh;
    [CField("rxsubchans")] public uint RxSubchans;
    [CField("audmode")] public uint AudMode;
    [CField("signal")] public int Signal;
    [CField("afc")] public int Afc;
    [CField("reserved")] public fixed uint Reserved[4];
}

[CLayout("struct v4l2_queryctrl", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2QueryCtrl
{
    [CField("id")] public uint Id;
    [CField("type")] public uint Type;
    [CField("name")] public fixed byte Name[32];
    [CField("minimum")] public int Minimum;
    [CField("maximum")] public int Maximum;
    [CField("step")] public int Step;
    [CField("default_value")] public int DefaultValue;
    [CField("flags")] public uint Flags;
    [CField("reserved")] public fixed uint Reserved[2];
}

[CLayout("struct v4l2_query_ext_ctrl", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2QueryExtCtrl
{
    [CField("id")] public uint Id;
    [CField("type")] public uint Type;
    [CField("name")] public fixed byte Name[32];
    [CField("minimum")] public long Minimum;
    [CField("maximum")] public long Maximum;
    [CField("step")] public ulong Step;
    [CField("default_value")] public long DefaultValue;
    [CField("flags")] public uint Flags;
    [CField("elem_size")] public uint ElemSize;
    [CField("elems")] public uint Elems;
    [CField("nr_of_dims")] public uint NrOfDims;
    [CField("dims")] public fixed uint Dims[4];
    [CField("reserved")] public fixed uint Reserved[32];
}

[CLayout("struct v4l2_cropcap", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Cropcap
{
    [CField("type")] public uint Type;
    [CField("bounds")] public V4l2Rect Bounds;
    [CField("defrect")] public V4l2Rect Defrect;
    [CField("pixelaspect")] public V4l2Fract PixelAspect;
}

[CLayout("struct v4l2_crop", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Crop
{
    [CField("type")] public uint Type;
    [CField("c")] public V4l2Rect C;
}

[CLayout("struct v4l2_ext_controls", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2ExtControls
{
    [CField("ctrl_class")] public uint CtrlClass;
    [CField("count")] public uint Count;
    [CField("error_idx")] public uint ErrorIdx;
    [CField("request_fd")] public int RequestFd;
    [CField("reserved")] public uint Reserved;
    [CField("controls")] public ulong Controls;
}

/// <summary>Packed: value, value64 and the string pointer share the union at offset 12.</summary>
[CLayout("struct v4l2_ext_control", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct V4l2ExtControl
{
    [CField("id")] public uint Id;
    [CField("size")] public uint Size;
    [CField("reserved2")] public uint Reserved2;
    [CField("value64")] public long Value64;
}

/// <summary>The union is discrete {width, height} or stepwise {min, max, step of width, then of height}.</summary>
[CLayout("struct v4l2_frmsizeenum", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2FrmsizeEnum
{
    [CField("index")] public uint Index;
    [CField("pixel_format")] public uint PixelFormat;
    [CField("type")] public uint Type;
    [CField("stepwise")] public fixed uint Sizes[6];
    [CField("reserved")] public fixed uint Reserved[2];
}

/// <summary>The union is discrete (one fraction) or stepwise (min, max, step).</summary>
[CLayout("struct v4l2_frmivalenum", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2FrmivalEnum
{
    [CField("index")] public uint Index;
    [CField("pixel_format")] public uint PixelFormat;
    [CField("width")] public uint Width;
    [CField("height")] public uint Height;
    [CField("type")] public uint Type;
    [CField("stepwise.min")] public V4l2Fract Min;
    [CField("stepwise.max")] public V4l2Fract Max;
    [CField("stepwise.step")] public V4l2Fract Step;
    [CField("reserved")] public fixed uint Reserved[2];
}

[CLayout("struct v4l2_create_buffers", "linux/videodev2.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct V4l2CreateBuffers
{
    [CField("index")] public uint Index;
    [CField("count")] public uint Count;
    [CField("memory")] public uint Memory;
    private readonly uint _pad;
    [CField("format")] public V4l2Format Format;
    [CField("capabilities")] public uint Capabilities;
    [CField("flags")] public uint Flags;
    [CField("reserved")] public fixed uint Reserved[6];
}
