namespace Syscope.Decoding.Constants;

/// <summary>&lt;linux/videodev2.h&gt;: the value and flag sets of Video4Linux2 requests, in the order
/// strace 6.1 prints them (its xlat/v4l2_*.in lists).</summary>
internal static class V4l2Constants
{
    /// <summary>enum v4l2_buf_type.</summary>
    public static readonly ValueSet BufTypes = new("V4L2_BUF_TYPE_???", false,
        new(0x1, "V4L2_BUF_TYPE_VIDEO_CAPTURE"), new(0x2, "V4L2_BUF_TYPE_VIDEO_OUTPUT"), new(0x3, "V4L2_BUF_TYPE_VIDEO_OVERLAY"),
        new(0x4, "V4L2_BUF_TYPE_VBI_CAPTURE"), new(0x5, "V4L2_BUF_TYPE_VBI_OUTPUT"),
        new(0x6, "V4L2_BUF_TYPE_SLICED_VBI_CAPTURE"), new(0x7, "V4L2_BUF_TYPE_SLICED_VBI_OUTPUT"),
        new(0x8, "V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY"), new(0x9, "V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE"),
        new(0xa, "V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE"), new(0xb, "V4L2_BUF_TYPE_SDR_CAPTURE"),
        new(0xc, "V4L2_BUF_TYPE_SDR_OUTPUT"), new(0xd, "V4L2_BUF_TYPE_META_CAPTURE"), new(0xe, "V4L2_BUF_TYPE_META_OUTPUT"));

    /// <summary>enum v4l2_field.</summary>
    public static readonly ValueSet Fields = new("V4L2_FIELD_???", false,
        new(0x0, "V4L2_FIELD_ANY"), new(0x1, "V4L2_FIELD_NONE"), new(0x2, "V4L2_FIELD_TOP"), new(0x3, "V4L2_FIELD_BOTTOM"),
        new(0x4, "V4L2_FIELD_INTERLACED"), new(0x5, "V4L2_FIELD_SEQ_TB"), new(0x6, "V4L2_FIELD_SEQ_BT"),
        new(0x7, "V4L2_FIELD_ALTERNATE"), new(0x8, "V4L2_FIELD_INTERLACED_TB"), new(0x9, "V4L2_FIELD_INTERLACED_BT"));

    /// <summary>enum v4l2_colorspace.</summary>
    public static readonly ValueSet Colorspaces = new("V4L2_COLORSPACE_???", false,
        new(0x0, "V4L2_COLORSPACE_DEFAULT"), new(0x1, "V4L2_COLORSPACE_SMPTE170M"), new(0x2, "V4L2_COLORSPACE_SMPTE240M"),
        new(0x3, "V4L2_COLORSPACE_REC709"), new(0x4, "V4L2_COLORSPACE_BT878"), new(0x5, "V4L2_COLORSPACE_470_SYSTEM_M"),
        new(0x6, "V4L2_COLORSPACE_470_SYSTEM_BG"), new(0x7, "V4L2_COLORSPACE_JPEG"), new(0x8, "V4L2_COLORSPACE_SRGB"),
        new(0x9, "V4L2_COLORSPACE_OPRGB"), new(0xa, "V4L2_COLORSPACE_BT2020"), new(0xb, "V4L2_COLORSPACE_RAW"),
        new(0xc, "V4L2_COLORSPACE_DCI_P3"));

    /// <summary>enum v4l2_memory.</summary>
    public static readonly ValueSet Memories = new("V4L2_MEMORY_???", false,
        new(0x1, "V4L2_MEMORY_MMAP"), new(0x2, "V4L2_MEMORY_USERPTR"), new(0x3, "V4L2_MEMORY_OVERLAY"),
        new(0x4, "V4L2_MEMORY_DMABUF"));

    /// <summary>struct v4l2_buffer's flags, less the time stamp type and source (V4L2_BUF_FLAG_INPUT is gone from the headers, not from strace).</summary>
    public static readonly FlagSet BufFlags = new("V4L2_BUF_FLAG_???", null,
        new(0x1, "V4L2_BUF_FLAG_MAPPED"), new(0x2, "V4L2_BUF_FLAG_QUEUED"), new(0x4, "V4L2_BUF_FLAG_DONE"),
        new(0x8, "V4L2_BUF_FLAG_KEYFRAME"), new(0x10, "V4L2_BUF_FLAG_PFRAME"), new(0x20, "V4L2_BUF_FLAG_BFRAME"),
        new(0x40, "V4L2_BUF_FLAG_ERROR"), new(0x80, "V4L2_BUF_FLAG_IN_REQUEST"), new(0x100, "V4L2_BUF_FLAG_TIMECODE"),
        new(0x200, "V4L2_BUF_FLAG_INPUT"), new(0x400, "V4L2_BUF_FLAG_PREPARED"), new(0x800, "V4L2_BUF_FLAG_NO_CACHE_INVALIDATE"),
        new(0x1000, "V4L2_BUF_FLAG_NO_CACHE_CLEAN"), new(0x100000, "V4L2_BUF_FLAG_LAST"),
        new(0x800000, "V4L2_BUF_FLAG_REQUEST_FD"));

    /// <summary>The V4L2_BUF_FLAG_TIMESTAMP_MASK part of a buffer's flags.</summary>
    public static readonly ValueSet TimestampTypes = new("V4L2_BUF_FLAG_TIMESTAMP_???", false,
        new(0x0, "V4L2_BUF_FLAG_TIMESTAMP_UNKNOWN"), new(0x2000, "V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC"),
        new(0x4000, "V4L2_BUF_FLAG_TIMESTAMP_COPY"));

    /// <summary>The V4L2_BUF_FLAG_TSTAMP_SRC_MASK part of a buffer's flags.</summary>
    public static readonly ValueSet TimestampSources = new("V4L2_BUF_FLAG_TSTAMP_SRC_???", false,
        new(0x0, "V4L2_BUF_FLAG_TSTAMP_SRC_EOF"), new(0x10000, "V4L2_BUF_FLAG_TSTAMP_SRC_SOE"));

    /// <summary>struct v4l2_capability's capabilities and device_caps.</summary>
    public static readonly FlagSet DeviceCaps = new("V4L2_CAP_???", null,
        new(0x1, "V4L2_CAP_VIDEO_CAPTURE"), new(0x2, "V4L2_CAP_VIDEO_OUTPUT"), new(0x4, "V4L2_CAP_VIDEO_OVERLAY"),
        new(0x10, "V4L2_CAP_VBI_CAPTURE"), new(0x20, "V4L2_CAP_VBI_OUTPUT"), new(0x40, "V4L2_CAP_SLICED_VBI_CAPTURE"),
        new(0x80, "V4L2_CAP_SLICED_VBI_OUTPUT"), new(0x100, "V4L2_CAP_RDS_CAPTURE"), new(0x200, "V4L2_CAP_VIDEO_OUTPUT_OVERLAY"),
        new(0x400, "V4L2_CAP_HW_FREQ_SEEK"), new(0x800, "V4L2_CAP_RDS_OUTPUT"), new(0x1000, "V4L2_CAP_VIDEO_CAPTURE_MPLANE"),
        new(0x2000, "V4L2_CAP_VIDEO_OUTPUT_MPLANE"), new(0x4000, "V4L2_CAP_VIDEO_M2M_MPLANE"), new(0x8000, "V4L2_CAP_VIDEO_M2M"),
        new(0x10000, "V4L2_CAP_TUNER"), new(0x20000, "V4L2_CAP_AUDIO"), new(0x40000, "V4L2_CAP_RADIO"),
        new(0x80000, "V4L2_CAP_MODULATOR"), new(0x100000, "V4L2_CAP_SDR_CAPTURE"), new(0x200000, "V4L2_CAP_EXT_PIX_FORMAT"),
        new(0x400000, "V4L2_CAP_SDR_OUTPUT"), new(0x800000, "V4L2_CAP_META_CAPTURE"), new(0x1000000, "V4L2_CAP_READWRITE"),
        new(0x2000000, "V4L2_CAP_ASYNCIO"), new(0x4000000, "V4L2_CAP_STREAMING"), new(0x8000000, "V4L2_CAP_META_OUTPUT"),
        new(0x10000000, "V4L2_CAP_TOUCH"), new(0x80000000, "V4L2_CAP_DEVICE_CAPS"));

    /// <summary>struct v4l2_fmtdesc's flags.</summary>
    public static readonly FlagSet FormatFlags = new("V4L2_FMT_FLAG_???", null,
        new(0x1, "V4L2_FMT_FLAG_COMPRESSED"), new(0x2, "V4L2_FMT_FLAG_EMULATED"),
        new(0x4, "V4L2_FMT_FLAG_CONTINUOUS_BYTESTREAM"), new(0x8, "V4L2_FMT_FLAG_DYN_RESOLUTION"),
        new(0x10, "V4L2_FMT_FLAG_ENC_CAP_FRAME_INTERVAL"), new(0x20, "V4L2_FMT_FLAG_CSC_COLORSPACE"),
        new(0x40, "V4L2_FMT_FLAG_CSC_XFER_FUNC"), new(0x80, "V4L2_FMT_FLAG_CSC_YCBCR_ENC"),
        new(0x100, "V4L2_FMT_FLAG_CSC_QUANTIZATION"));

    /// <summary>struct v4l2_vbi_format's flags.</summary>
    public static readonly FlagSet VbiFlags = new("V4L2_VBI_???", null,
        new(0x1, "V4L2_VBI_UNSYNC"), new(0x2, "V4L2_VBI_INTERLACED"));

    /// <summary>struct v4l2_sliced_vbi_format's service_set.</summary>
    public static readonly FlagSet SlicedServices = new("V4L2_SLICED_???", null,
        new(0x4401, "V4L2_SLICED_VBI_625"), new(0x1, "V4L2_SLICED_TELETEXT_B"), new(0x400, "V4L2_SLICED_VPS"),
        new(0x1000, "V4L2_SLICED_CAPTION_525"), new(0x4000, "V4L2_SLICED_WSS_625"));

    /// <summary>struct v4l2_captureparm's and v4l2_outputparm's capability.</summary>
    public static readonly FlagSet StreamingCaps = new("V4L2_CAP_???", null,
        new Named(0x1000, "V4L2_CAP_TIMEPERFRAME"));

    /// <summary>struct v4l2_captureparm's capturemode and v4l2_outputparm's outputmode.</summary>
    public static readonly FlagSet CaptureModes = new("V4L2_MODE_???", null,
        new Named(0x1, "V4L2_MODE_HIGHQUALITY"));

    /// <summary>struct v4l2_input's type.</summary>
    public static readonly ValueSet InputTypes = new("V4L2_INPUT_TYPE_???", false,
        new(0x1, "V4L2_INPUT_TYPE_TUNER"), new(0x2, "V4L2_INPUT_TYPE_CAMERA"), new(0x3, "V4L2_INPUT_TYPE_TOUCH"));

    /// <summary>enum v4l2_tuner_type.</summary>
    public static readonly ValueSet TunerTypes = new("V4L2_TUNER_???", false,
        new(0x1, "V4L2_TUNER_RADIO"), new(0x2, "V4L2_TUNER_ANALOG_TV"), new(0x3, "V4L2_TUNER_DIGITAL_TV"),
        new(0x4, "V4L2_TUNER_SDR"), new(0x5, "V4L2_TUNER_RF"));

    /// <summary>struct v4l2_tuner's capability.</summary>
    public static readonly FlagSet TunerCaps = new("V4L2_TUNER_CAP_???", null,
        new(0x1, "V4L2_TUNER_CAP_LOW"), new(0x2, "V4L2_TUNER_CAP_NORM"), new(0x4, "V4L2_TUNER_CAP_HWSEEK_BOUNDED"),
        new(0x8, "V4L2_TUNER_CAP_HWSEEK_WRAP"), new(0x10, "V4L2_TUNER_CAP_STEREO"), new(0x20, "V4L2_TUNER_CAP_LANG2"),
        new(0x40, "V4L2_TUNER_CAP_LANG1"), new(0x80, "V4L2_TUNER_CAP_RDS"), new(0x100, "V4L2_TUNER_CAP_RDS_BLOCK_IO"),
        new(0x200, "V4L2_TUNER_CAP_RDS_CONTROLS"), new(0x400, "V4L2_TUNER_CAP_FREQ_BANDS"),
        new(0x800, "V4L2_TUNER_CAP_HWSEEK_PROG_LIM"), new(0x1000, "V4L2_TUNER_CAP_1HZ"));

    /// <summary>struct v4l2_tuner's rxsubchans.</summary>
    public static readonly FlagSet TunerSubchannels = new("V4L2_TUNER_SUB_???", null,
        new(0x1, "V4L2_TUNER_SUB_MONO"), new(0x2, "V4L2_TUNER_SUB_STEREO"), new(0x4, "V4L2_TUNER_SUB_LANG2"),
        new(0x8, "V4L2_TUNER_SUB_LANG1"), new(0x10, "V4L2_TUNER_SUB_RDS"));

    /// <summary>struct v4l2_tuner's audmode.</summary>
    public static readonly ValueSet TunerAudioModes = new("V4L2_TUNER_MODE_???", false,
        new(0x0, "V4L2_TUNER_MODE_MONO"), new(0x1, "V4L2_TUNER_MODE_STEREO"), new(0x2, "V4L2_TUNER_MODE_LANG2"),
        new(0x3, "V4L2_TUNER_MODE_LANG1"), new(0x4, "V4L2_TUNER_MODE_LANG1_LANG2"));

    /// <summary>enum v4l2_ctrl_type.</summary>
    public static readonly ValueSet ControlTypes = new("V4L2_CTRL_TYPE_???", false,
        new(0x1, "V4L2_CTRL_TYPE_INTEGER"), new(0x2, "V4L2_CTRL_TYPE_BOOLEAN"), new(0x3, "V4L2_CTRL_TYPE_MENU"),
        new(0x4, "V4L2_CTRL_TYPE_BUTTON"), new(0x5, "V4L2_CTRL_TYPE_INTEGER64"), new(0x6, "V4L2_CTRL_TYPE_CTRL_CLASS"),
        new(0x7, "V4L2_CTRL_TYPE_STRING"), new(0x8, "V4L2_CTRL_TYPE_BITMASK"), new(0x9, "V4L2_CTRL_TYPE_INTEGER_MENU"),
        new(0x100, "V4L2_CTRL_TYPE_U8"), new(0x101, "V4L2_CTRL_TYPE_U16"), new(0x102, "V4L2_CTRL_TYPE_U32"),
        new(0x106, "V4L2_CTRL_TYPE_AREA"), new(0x110, "V4L2_CTRL_TYPE_HDR10_CLL_INFO"),
        new(0x111, "V4L2_CTRL_TYPE_HDR10_MASTERING_DISPLAY"), new(0x200, "V4L2_CTRL_TYPE_H264_SPS"),
        new(0x201, "V4L2_CTRL_TYPE_H264_PPS"), new(0x202, "V4L2_CTRL_TYPE_H264_SCALING_MATRIX"),
        new(0x203, "V4L2_CTRL_TYPE_H264_SLICE_PARAMS"), new(0x204, "V4L2_CTRL_TYPE_H264_DECODE_PARAMS"),
        new(0x205, "V4L2_CTRL_TYPE_H264_PRED_WEIGHTS"), new(0x220, "V4L2_CTRL_TYPE_FWHT_PARAMS"),
        new(0x240, "V4L2_CTRL_TYPE_VP8_FRAME"));

    /// <summary>struct v4l2_queryctrl's flags.</summary>
    public static readonly FlagSet ControlFlags = new("V4L2_CTRL_FLAG_???", null,
        new(0x1, "V4L2_CTRL_FLAG_DISABLED"), new(0x2, "V4L2_CTRL_FLAG_GRABBED"), new(0x4, "V4L2_CTRL_FLAG_READ_ONLY"),
        new(0x8, "V4L2_CTRL_FLAG_UPDATE"), new(0x10, "V4L2_CTRL_FLAG_INACTIVE"), new(0x20, "V4L2_CTRL_FLAG_SLIDER"),
        new(0x40, "V4L2_CTRL_FLAG_WRITE_ONLY"), new(0x80, "V4L2_CTRL_FLAG_VOLATILE"), new(0x100, "V4L2_CTRL_FLAG_HAS_PAYLOAD"),
        new(0x200, "V4L2_CTRL_FLAG_EXECUTE_ON_WRITE"), new(0x400, "V4L2_CTRL_FLAG_MODIFY_LAYOUT"));

    /// <summary>The flags a queried control id carries to ask for the next one.</summary>
    public static readonly FlagSet ControlNextFlags = new("V4L2_CTRL_FLAG_NEXT_???", null,
        new(0x80000000, "V4L2_CTRL_FLAG_NEXT_CTRL"), new(0x40000000, "V4L2_CTRL_FLAG_NEXT_COMPOUND"));

    /// <summary>The control classes, by ascending value: an id without a name of its own prints as its class plus an offset.</summary>
    public static readonly ValueSet ControlClasses = new("V4L2_CTRL_CLASS_???", false,
        new(0x980000, "V4L2_CTRL_CLASS_USER"), new(0x990000, "V4L2_CTRL_CLASS_CODEC"), new(0x9a0000, "V4L2_CTRL_CLASS_CAMERA"),
        new(0x9b0000, "V4L2_CTRL_CLASS_FM_TX"), new(0x9c0000, "V4L2_CTRL_CLASS_FLASH"), new(0x9d0000, "V4L2_CTRL_CLASS_JPEG"),
        new(0x9e0000, "V4L2_CTRL_CLASS_IMAGE_SOURCE"), new(0x9f0000, "V4L2_CTRL_CLASS_IMAGE_PROC"),
        new(0xa00000, "V4L2_CTRL_CLASS_DV"), new(0xa10000, "V4L2_CTRL_CLASS_FM_RX"), new(0xa20000, "V4L2_CTRL_CLASS_RF_TUNER"),
        new(0xa30000, "V4L2_CTRL_CLASS_DETECT"), new(0xa40000, "V4L2_CTRL_CLASS_CODEC_STATELESS"),
        new(0xa50000, "V4L2_CTRL_CLASS_COLORIMETRY"));

    /// <summary>enum v4l2_frmsizetypes.</summary>
    public static readonly ValueSet FramesizeTypes = new("V4L2_FRMSIZE_TYPE_???", false,
        new(0x1, "V4L2_FRMSIZE_TYPE_DISCRETE"), new(0x2, "V4L2_FRMSIZE_TYPE_CONTINUOUS"), new(0x3, "V4L2_FRMSIZE_TYPE_STEPWISE"));

    /// <summary>enum v4l2_frmivaltypes.</summary>
    public static readonly ValueSet FrameintervalTypes = new("V4L2_FRMIVAL_TYPE_???", false,
        new(0x1, "V4L2_FRMIVAL_TYPE_DISCRETE"), new(0x2, "V4L2_FRMIVAL_TYPE_CONTINUOUS"), new(0x3, "V4L2_FRMIVAL_TYPE_STEPWISE"));
}
