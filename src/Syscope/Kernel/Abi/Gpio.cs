using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// Arguments of the GPIO character device's requests (<linux/gpio.h>), v1 and v2.

[CLayout("struct gpiochip_info", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpiochipInfo
{
    [CField("name")] public fixed byte Name[32];
    [CField("label")] public fixed byte Label[32];
    [CField("lines")] public uint Lines;
}

[CLayout("struct gpioline_info", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpiolineInfo
{
    [CField("line_offset")] public uint LineOffset;
    [CField("flags")] public uint Flags;
    [CField("name")] public fixed byte Name[32];
    [CField("consumer")] public fixed byte Consumer[32];
}

[CLayout("struct gpiohandle_request", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpiohandleRequest
{
    [CField("lineoffsets")] public fixed uint LineOffsets[64];
    [CField("flags")] public uint Flags;
    [CField("default_values")] public fixed byte DefaultValues[64];
    [CField("consumer_label")] public fixed byte ConsumerLabel[32];
    [CField("lines")] public uint Lines;
    [CField("fd")] public int Fd;
}

[CLayout("struct gpiohandle_config", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpiohandleConfig
{
    [CField("flags")] public uint Flags;
    [CField("default_values")] public fixed byte DefaultValues[64];
    [CField("padding")] public fixed uint Padding[4];
}

[CLayout("struct gpioevent_request", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpioeventRequest
{
    [CField("lineoffset")] public uint LineOffset;
    [CField("handleflags")] public uint HandleFlags;
    [CField("eventflags")] public uint EventFlags;
    [CField("consumer_label")] public fixed byte ConsumerLabel[32];
    [CField("fd")] public int Fd;
}

/// <summary>struct gpio_v2_line_attribute: by id, flags, output values or a debounce period share one union.</summary>
[CLayout("struct gpio_v2_line_attribute", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct GpioV2LineAttribute
{
    [CField("id")] public uint Id;
    [CField("padding")] public uint Padding;
    [CField("values")] public ulong Value;
}

[CLayout("struct gpio_v2_line_config_attribute", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct GpioV2LineConfigAttribute
{
    [CField("attr")] public GpioV2LineAttribute Attr;
    [CField("mask")] public ulong Mask;
}

/// <summary>struct gpio_v2_line_config; attrs holds ten GpioV2LineConfigAttribute.</summary>
[CLayout("struct gpio_v2_line_config", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpioV2LineConfig
{
    public const int MaxAttrs = 10;
    [CField("flags")] public ulong Flags;
    [CField("num_attrs")] public uint NumAttrs;
    [CField("padding")] public fixed uint Padding[5];
    [CField("attrs")] public fixed ulong Attrs[3 * MaxAttrs];
}

[CLayout("struct gpio_v2_line_request", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpioV2LineRequest
{
    [CField("offsets")] public fixed uint Offsets[64];
    [CField("consumer")] public fixed byte Consumer[32];
    [CField("config")] public GpioV2LineConfig Config;
    [CField("num_lines")] public uint NumLines;
    [CField("event_buffer_size")] public uint EventBufferSize;
    [CField("padding")] public fixed uint Padding[5];
    [CField("fd")] public int Fd;
}

/// <summary>struct gpio_v2_line_info; attrs holds ten GpioV2LineAttribute.</summary>
[CLayout("struct gpio_v2_line_info", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpioV2LineInfo
{
    [CField("name")] public fixed byte Name[32];
    [CField("consumer")] public fixed byte Consumer[32];
    [CField("offset")] public uint Offset;
    [CField("num_attrs")] public uint NumAttrs;
    [CField("flags")] public ulong Flags;
    [CField("attrs")] public fixed ulong Attrs[2 * GpioV2LineConfig.MaxAttrs];
    [CField("padding")] public fixed uint Padding[4];
}

[CLayout("struct gpio_v2_line_values", "linux/gpio.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct GpioV2LineValues
{
    [CField("bits")] public ulong Bits;
    [CField("mask")] public ulong Mask;
}
