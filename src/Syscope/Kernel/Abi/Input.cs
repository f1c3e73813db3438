using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// Arguments of the input layer's evdev requests (<linux/input.h>).

[CLayout("struct input_id", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct InputId
{
    [CField("bustype")] public ushort Bustype;
    [CField("vendor")] public ushort Vendor;
    [CField("product")] public ushort Product;
    [CField("version")] public ushort Version;
}

[CLayout("struct input_absinfo", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct InputAbsinfo
{
    [CField("value")] public int Value;
    [CField("minimum")] public int Minimum;
    [CField("maximum")] public int Maximum;
    [CField("fuzz")] public int Fuzz;
    [CField("flat")] public int Flat;
    [CField("resolution")] public int Resolution;
}

[CLayout("struct input_keymap_entry", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct InputKeymapEntry
{
    [CField("flags")] public byte Flags;
    [CField("len")] public byte Len;
    [CField("index")] public ushort Index;
    [CField("keycode")] public uint Keycode;
    [CField("scancode")] public fixed byte Scancode[32];
}

/// <summary>struct ff_effect; its union u (by type) is read as one of the structures below.</summary>
[CLayout("struct ff_effect", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FfEffect
{
    [CField("type")] public ushort Type;
    [CField("id")] public short Id;
    [CField("direction")] public ushort Direction;
    [CField("trigger.button")] public ushort TriggerButton;
    [CField("trigger.interval")] public ushort TriggerInterval;
    [CField("replay.length")] public ushort ReplayLength;
    [CField("replay.delay")] public ushort ReplayDelay;
    private ushort _pad;
    [CField("u")] public fixed ulong U[4];
}

[CLayout("struct ff_envelope", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FfEnvelope
{
    [CField("attack_length")] public ushort AttackLength;
    [CField("attack_level")] public ushort AttackLevel;
    [CField("fade_length")] public ushort FadeLength;
    [CField("fade_level")] public ushort FadeLevel;
}

[CLayout("struct ff_constant_effect", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FfConstantEffect
{
    [CField("level")] public short Level;
    [CField("envelope")] public FfEnvelope Envelope;
}

[CLayout("struct ff_ramp_effect", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FfRampEffect
{
    [CField("start_level")] public short StartLevel;
    [CField("end_level")] public short EndLevel;
    [CField("envelope")] public FfEnvelope Envelope;
}

[CLayout("struct ff_periodic_effect", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FfPeriodicEffect
{
    [CField("waveform")] public ushort Waveform;
    [CField("period")] public ushort Period;
    [CField("magnitude")] public short Magnitude;
    [CField("offset")] public short Offset;
    [CField("phase")] public ushort Phase;
    [CField("envelope")] public FfEnvelope Envelope;
    [CField("custom_len")] public uint CustomLen;
    [CField("custom_data")] public ulong CustomData;
}

[CLayout("struct ff_rumble_effect", "linux/input.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FfRumbleEffect
{
    [CField("strong_magnitude")] public ushort StrongMagnitude;
    [CField("weak_magnitude")] public ushort WeakMagnitude;
}
