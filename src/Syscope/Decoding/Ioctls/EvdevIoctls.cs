using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/input.h&gt; evdev requests (type 'E'): device identity, absolute axes, key
/// maps, force-feedback effects, and the bitmaps of what a device can report, whose set bits print
/// by their event codes.  Requests that carry a number (EVIOCGBIT(EV_KEY, 96), EVIOCGABS(ABS_X),
/// EVIOCGNAME(256)) print it in their name.</summary>
internal sealed class EvdevIoctls : IoctlFamily
{
    private const uint GVERSION = 0x80044501, GID = 0x80084502, GREP = 0x80084503, SREP = 0x40084503;
    private const uint GKEYCODE = 0x80084504, GKEYCODE_V2 = 0x80284504, SKEYCODE = 0x40084504, SKEYCODE_V2 = 0x40284504;
    private const uint SFF = 0x40304580, RMFF = 0x40044581, GEFFECTS = 0x80044584, GRAB = 0x40044590, REVOKE = 0x40044591;
    private const uint SCLOCKID = 0x400445a0;

    /// <summary>The numbered read requests: _IOC_NR is the request, _IOC_SIZE the caller's buffer.</summary>
    private const uint GNAME = 0x06, GPHYS = 0x07, GUNIQ = 0x08, GPROP = 0x09, GMTSLOTS = 0x0a;
    private const uint GKEY = 0x18, GLED = 0x19, GSND = 0x1a, GSW = 0x1b, GBIT = 0x20, GABS = 0x40, SABS = 0xc0;

    /// <summary>The multi-touch axes (ABS_MT_*), the codes EVIOCGMTSLOTS takes.</summary>
    private static readonly ValueSet MtCodes = new("ABS_MT_???", false,
        [.. InputCodes.Absolute.Rows.Where(r => r.Name.StartsWith("ABS_MT_", StringComparison.Ordinal))]);

    /// <summary>A size of struct input_absinfo short of its flat field: strace leaves it as an address.</summary>
    private const uint AbsinfoMinSize = 20;

    public override ReadOnlySpan<byte> Types => [(byte)'E'];

    public override bool PrintRequest(ArgWriter w, uint cmd, bool inComment)
    {
        uint nr = Nr(cmd);
        if (Dir(cmd) == Write && nr >= SABS) { Numbered(w, "EVIOCSABS("u8, InputCodes.Absolute, nr - SABS, inComment); return true; }
        if (Dir(cmd) != Read) return false;
        if (nr is >= GBIT and < GABS)
        {
            w.Raw("EVIOCGBIT("u8);
            if (nr == GBIT) w.Raw((byte)'0'); else Code(w, InputCodes.Events, nr - GBIT, inComment);
            w.Raw(", "u8).UInt(Size(cmd)).Raw((byte)')');
            return true;
        }
        if (nr is >= GABS and < 0x80) { Numbered(w, "EVIOCGABS("u8, InputCodes.Absolute, nr - GABS, inComment); return true; }
        var name = nr switch
        {
            GNAME => "EVIOCGNAME("u8,
            GPHYS => "EVIOCGPHYS("u8,
            GUNIQ => "EVIOCGUNIQ("u8,
            GPROP => "EVIOCGPROP("u8,
            GMTSLOTS => "EVIOCGMTSLOTS("u8,
            GKEY => "EVIOCGKEY("u8,
            GLED => "EVIOCGLED("u8,
            GSND => "EVIOCGSND("u8,
            GSW => "EVIOCGSW("u8,
            _ => default,
        };
        if (name.IsEmpty) return false;
        w.Raw(name).UInt(Size(cmd)).Raw((byte)')');
        return true;
    }

    private static void Numbered(ArgWriter w, ReadOnlySpan<byte> name, ValueSet codes, uint code, bool inComment)
    {
        w.Raw(name);
        Code(w, codes, code, inComment);
        w.Raw((byte)')');
    }

    /// <summary>A code inside the request's name; within -X verbose's comment an unknown one is bare hex.</summary>
    private static void Code(ArgWriter w, ValueSet codes, uint code, bool inComment)
    {
        if (inComment && !codes.TryName(code, out _)) w.Hex(code);
        else codes.Print(w, code);
    }

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case GVERSION or GID or GREP or GKEYCODE or GKEYCODE_V2 or GEFFECTS: return IoctlArg.AtExit;
            case SREP: c.Out.Sep(); Pair(ref c, arg, null); return IoctlArg.Done;
            case SKEYCODE: c.Out.Sep(); Pair(ref c, arg, InputCodes.Keys); return IoctlArg.Done;
            case SKEYCODE_V2: c.Out.Sep(); KeymapEntry(ref c, arg); return IoctlArg.Done;
            case SFF: c.Out.Sep(); Effect(ref c, arg); return IoctlArg.Done;
            case RMFF: Args.Int(ref c, 2); return IoctlArg.Done;
            case GRAB or REVOKE: Args.ULong(ref c, 2); return IoctlArg.Done;
            case SCLOCKID:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out uint clock)) c.Out.Raw((byte)'[').UInt(clock).Raw((byte)']');
                return IoctlArg.Done;
        }
        uint nr = Nr(cmd);
        if (Dir(cmd) == Write && nr >= SABS) { c.Out.Sep(); Absinfo(ref c, arg, Size(cmd)); return IoctlArg.Done; }
        if (Dir(cmd) != Read) return IoctlArg.Unknown;
        return nr is GNAME or GPHYS or GUNIQ or GPROP or GMTSLOTS or (>= GKEY and <= GSW) or (>= GBIT and < 0x80)
            ? IoctlArg.AtExit : IoctlArg.Unknown;
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        if (c.Failed) { c.Out.Ptr(arg); return; }
        switch (cmd)
        {
            case GVERSION:
                if (IoctlArgs.Read(ref c, arg, out uint version)) c.Out.Raw((byte)'[').Hex(version).Raw((byte)']');
                return;
            case GEFFECTS: Args.IntRef(ref c, arg); return;
            case GID:
                if (!IoctlArgs.Read(ref c, arg, out InputId id)) return;
                c.Out.BeginStruct().Field("bustype"u8).UInt(id.Bustype).Field("vendor"u8).UInt(id.Vendor)
                    .Field("product"u8).UInt(id.Product).Field("version"u8).UInt(id.Version).EndStruct();
                return;
            case GREP: Pair(ref c, arg, null); return;
            case GKEYCODE: Pair(ref c, arg, InputCodes.Keys); return;
            case GKEYCODE_V2: KeymapEntry(ref c, arg); return;
        }
        uint nr = Nr(cmd);
        switch (nr)
        {
            case GNAME or GPHYS or GUNIQ: Printers.Buffer(ref c, arg, c.ReturnValue); return;
            case GPROP: Bits(ref c, arg, InputCodes.Properties, 0x20); return;
            case GMTSLOTS: MtSlots(ref c, arg, Size(cmd) / 4); return;
            case GKEY: Bits(ref c, arg, InputCodes.Keys, 0x300); return;
            case GLED: Bits(ref c, arg, InputCodes.Leds, 0x10); return;
            case GSND: Bits(ref c, arg, InputCodes.Sounds, 0x8); return;
            case GSW: Bits(ref c, arg, InputCodes.Switches, 0x11); return;
        }
        if (nr >= GABS) { Absinfo(ref c, arg, Size(cmd)); return; }
        switch (nr - GBIT)
        {
            case 0: Bits(ref c, arg, InputCodes.Events, 0x20); return;
            case 0x01: Bits(ref c, arg, InputCodes.Keys, 0x300); return;
            case 0x02: Bits(ref c, arg, InputCodes.Relative, 0x10); return;
            case 0x03: Bits(ref c, arg, InputCodes.Absolute, 0x40); return;
            case 0x04: Bits(ref c, arg, InputCodes.Misc, 0x8); return;
            case 0x05: Bits(ref c, arg, InputCodes.Switches, 0x11); return;
            case 0x11: Bits(ref c, arg, InputCodes.Leds, 0x10); return;
            case 0x12: Bits(ref c, arg, InputCodes.Sounds, 0x8); return;
            case 0x14: Bits(ref c, arg, InputCodes.Repeat, 0x2); return;
            case 0x15: Bits(ref c, arg, InputCodes.ForceFeedback, 0x80); return;
            case 0x17: Bits(ref c, arg, InputCodes.ForceFeedbackStatus, 0x2); return;
            default: c.Out.Ptr(arg); return;
        }
    }

    /// <summary>Two unsigned ints, [N, M]: the repeat delay and period, or a scancode and its key.</summary>
    private static void Pair(ref DecodeContext c, ulong addr, ValueSet? second)
    {
        if (!IoctlArgs.Read(ref c, addr, out ulong pair)) return;
        c.Out.BeginArray().Element().UInt((uint)pair).Element();
        if (second != null) second.Print(c.Out, pair >> 32); else c.Out.UInt(pair >> 32);
        c.Out.EndArray();
    }

    private static unsafe void KeymapEntry(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out InputKeymapEntry e)) return;
        var w = c.Out;
        w.BeginStruct().Field("flags"u8).UInt(e.Flags).Field("len"u8).UInt(e.Len);
        if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
        w.Field("index"u8).UInt(e.Index).Field("keycode"u8);
        InputCodes.Keys.Print(w, e.Keycode);
        w.Field("scancode"u8).BeginArray();
        for (int i = 0; i < 32; i++) w.Element().Hex(e.Scancode[i]);
        w.EndArray().EndStruct();
    }

    /// <summary>struct input_absinfo as far as the request's size covers it (without -v only value
    /// and minimum); a size short of flat leaves the address.</summary>
    private static void Absinfo(ref DecodeContext c, ulong addr, uint size)
    {
        if (size < AbsinfoMinSize) { c.Out.Ptr(addr); return; }
        if (!IoctlArgs.Read(ref c, addr, out InputAbsinfo a)) return;
        var w = c.Out;
        w.BeginStruct().Field("value"u8).UInt((uint)a.Value).Field("minimum"u8).UInt((uint)a.Minimum);
        if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
        w.Field("maximum"u8).UInt((uint)a.Maximum).Field("fuzz"u8).UInt((uint)a.Fuzz).Field("flat"u8).UInt((uint)a.Flat);
        if (size >= Marshal.SizeOf<InputAbsinfo>()) w.Field("resolution"u8).UInt((uint)a.Resolution);
        w.EndStruct(abbreviated: size != AbsinfoMinSize && size != Marshal.SizeOf<InputAbsinfo>());
    }

    /// <summary>A device's capability bitmap as far as the kernel filled it (the result, in bytes):
    /// the set bits by name ("[KEY_1 KEY_2]", four and " ..." without -v), -X raw the words in hex,
    /// -X verbose both.</summary>
    private static void Bits(ref DecodeContext c, ulong addr, ValueSet codes, int maxBits)
    {
        if (c.ReturnValue == 0) { c.Out.Ptr(addr); return; }
        int bits = (int)Math.Min(c.ReturnValue * 8, maxBits);
        int words = (bits + 63) / 64;
        Span<ulong> map = stackalloc ulong[12];
        map = map[..words];
        if (addr == 0 || Printers.ReadStruct(ref c, addr, MemoryMarshal.AsBytes(map)) < words * 8) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        var style = w.Style;
        if (style != ConstStyle.Raw)
        {
            w.BeginArray();
            int shown = 0;
            for (int bit = 0; bit < bits; bit++)
            {
                if ((map[bit / 64] & (1UL << (bit % 64))) == 0) continue;
                if (shown == 4 && !c.Unabbreviated) { w.Raw(" ..."u8); break; }
                w.Element(" "u8);
                codes.Print(w, (uint)bit);
                shown++;
            }
            w.EndArray();
        }
        if (style == ConstStyle.Abbrev) return;
        if (style == ConstStyle.Verbose) w.Raw(" /* "u8);
        w.BeginArray();
        foreach (ulong word in map) w.Element().Hex(word);
        w.EndArray();
        if (style == ConstStyle.Verbose) w.Raw(" */"u8);
    }

    /// <summary>EVIOCGMTSLOTS: the axis code asked for, then one value per slot.</summary>
    private static void MtSlots(ref DecodeContext c, ulong addr, uint count)
    {
        if (count == 0) { c.Out.Ptr(addr); return; }
        if (!IoctlArgs.Read(ref c, addr, out uint code)) return;
        var w = c.Out;
        w.BeginStruct().Field("code"u8);
        MtCodes.Print(w, code);
        w.Field("values"u8).BeginArray();
        for (uint i = 1; i < count; i++)
        {
            if (i > Printers.MaxElements(ref c)) { w.Elided().Raw("..."u8); break; }
            if (!Printers.TryRead(ref c, addr + 4 * i, out int v)) { w.Elided().Raw("..."u8); break; }
            w.Element().Int(v);
        }
        w.EndArray().EndStruct();
    }

    /// <summary>EVIOCSFF's effect: the common part, and with -v the trigger, replay and the type's own parameters.</summary>
    private static unsafe void Effect(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out FfEffect e)) return;
        var w = c.Out;
        w.BeginStruct().Field("type"u8);
        InputCodes.ForceFeedback.Print(w, e.Type);
        w.Field("id"u8).Int(e.Id).Field("direction"u8).UInt(e.Direction);
        if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
        w.Field("trigger"u8).BeginStruct().Field("button"u8).UInt(e.TriggerButton).Field("interval"u8).UInt(e.TriggerInterval).EndStruct();
        w.Field("replay"u8).BeginStruct().Field("length"u8).UInt(e.ReplayLength).Field("delay"u8).UInt(e.ReplayDelay).EndStruct();
        var u = MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(e.U, 4));
        switch (e.Type)
        {
            case 0x52:
                var k = MemoryMarshal.Read<FfConstantEffect>(u);
                w.Field("constant"u8).BeginStruct().Field("level"u8).Int(k.Level);
                Envelope(w, k.Envelope);
                w.EndStruct();
                break;
            case 0x57:
                var r = MemoryMarshal.Read<FfRampEffect>(u);
                w.Field("ramp"u8).BeginStruct().Field("start_level"u8).Int(r.StartLevel).Field("end_level"u8).Int(r.EndLevel);
                Envelope(w, r.Envelope);
                w.EndStruct();
                break;
            case 0x51:
                var p = MemoryMarshal.Read<FfPeriodicEffect>(u);
                w.Field("periodic"u8).BeginStruct().Field("waveform"u8).UInt(p.Waveform).Field("period"u8).UInt(p.Period)
                    .Field("magnitude"u8).Int(p.Magnitude).Field("offset"u8).Int(p.Offset).Field("phase"u8).UInt(p.Phase);
                Envelope(w, p.Envelope);
                w.Field("custom_len"u8).UInt(p.CustomLen).Field("custom_data"u8).Ptr(p.CustomData).EndStruct();
                break;
            case 0x50:
                var m = MemoryMarshal.Read<FfRumbleEffect>(u);
                w.Field("rumble"u8).BeginStruct().Field("strong_magnitude"u8).UInt(m.StrongMagnitude)
                    .Field("weak_magnitude"u8).UInt(m.WeakMagnitude).EndStruct();
                break;
        }
        w.EndStruct();
    }

    private static void Envelope(ArgWriter w, in FfEnvelope e) =>
        w.Field("envelope"u8).BeginStruct().Field("attack_length"u8).UInt(e.AttackLength).Field("attack_level"u8)
            .UInt(e.AttackLevel).Field("fade_length"u8).UInt(e.FadeLength).Field("fade_level"u8).Hex(e.FadeLevel).EndStruct();
}
