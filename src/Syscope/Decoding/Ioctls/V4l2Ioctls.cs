using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using V = Syscope.Decoding.Ioctls.V4l2Printers;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/videodev2.h&gt; Video4Linux2 requests (type 'V') that strace 6.1 decodes: device
/// capabilities, formats, buffers, streaming parameters, standards, inputs, tuners, controls,
/// cropping, frame sizes and intervals. Outside -e verbose= their arguments print in hex.</summary>
internal sealed unsafe class V4l2Ioctls : IoctlFamily
{
    private const uint QUERYCAP = 0x80685600, ENUM_FMT = 0xc0405602;
    private const uint G_FMT = 0xc0d05604, S_FMT = 0xc0d05605, TRY_FMT = 0xc0d05640;
    private const uint REQBUFS = 0xc0145608, QUERYBUF = 0xc0585609, QBUF = 0xc058560f, DQBUF = 0xc0585611;
    private const uint G_FBUF = 0x8030560a, S_FBUF = 0x4030560b;
    private const uint STREAMON = 0x40045612, STREAMOFF = 0x40045613;
    private const uint G_PARM = 0xc0cc5615, S_PARM = 0xc0cc5616;
    private const uint G_STD = 0x80085617, S_STD = 0x40085618, ENUMSTD = 0xc0485619, ENUMINPUT = 0xc050561a;
    private const uint G_CTRL = 0xc008561b, S_CTRL = 0xc008561c;
    private const uint G_TUNER = 0xc054561d, S_TUNER = 0x4054561e;
    private const uint QUERYCTRL = 0xc0445624, QUERY_EXT_CTRL = 0xc0e85667;
    private const uint G_INPUT = 0x80045626, S_INPUT = 0xc0045627;
    private const uint CROPCAP = 0xc02c563a, G_CROP = 0xc014563b, S_CROP = 0x4014563c;
    private const uint G_EXT_CTRLS = 0xc0205647, S_EXT_CTRLS = 0xc0205648, TRY_EXT_CTRLS = 0xc0205649;
    private const uint ENUM_FRAMESIZES = 0xc02c564a, ENUM_FRAMEINTERVALS = 0xc034564b, CREATE_BUFS = 0xc100565c;

    private const uint MemoryMmap = 1, MemoryUserptr = 2;
    private const uint TypeVideoCapture = 1, TypeVideoOutput = 2;

    public override ReadOnlySpan<byte> Types => [(byte)'V'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        if (c.AddressesOnly) return IoctlArg.Unknown;
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case QUERYCAP or G_FBUF or G_STD or G_INPUT: return IoctlArg.AtExit;
            case S_FBUF:
                w.Sep();
                Framebuffer(ref c, arg);
                return IoctlArg.Done;
            case S_STD:
                w.Sep();
                if (IoctlArgs.Read(ref c, arg, out ulong std)) w.Raw((byte)'[').Hex(std).Raw((byte)']');
                return IoctlArg.Done;
            case S_INPUT:
                w.Sep();
                if (IoctlArgs.Read(ref c, arg, out uint input)) w.Raw((byte)'[').UInt(input).Raw((byte)']');
                return IoctlArg.Done;
            case STREAMON or STREAMOFF:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out uint bufType)) return IoctlArg.Done;
                w.Raw((byte)'[');
                V4l2Constants.BufTypes.Print(w, bufType);
                w.Raw((byte)']');
                return IoctlArg.Done;
        }
        if (!Decodes(cmd)) return IoctlArg.Unknown;
        w.Sep();
        return cmd switch
        {
            ENUM_FMT => FmtdescEntry(ref c, arg),
            G_FMT or S_FMT or TRY_FMT => FormatEntry(ref c, arg, cmd == G_FMT),
            REQBUFS => RequestBuffersEntry(ref c, arg),
            QUERYBUF or QBUF or DQBUF => BufferEntry(ref c, arg, cmd),
            G_PARM or S_PARM => StreamParmEntry(ref c, arg, cmd == G_PARM),
            ENUMSTD => IndexEntry<V4l2Standard>(ref c, arg),
            ENUMINPUT => IndexEntry<V4l2Input>(ref c, arg),
            G_CTRL or S_CTRL => ControlEntry(ref c, arg, cmd == G_CTRL),
            G_TUNER or S_TUNER => TunerEntry(ref c, arg, cmd == G_TUNER),
            QUERYCTRL => QueryEntry<V4l2QueryCtrl>(ref c, arg),
            QUERY_EXT_CTRL => QueryEntry<V4l2QueryExtCtrl>(ref c, arg),
            CROPCAP => TypeEntry<V4l2Cropcap>(ref c, arg),
            G_CROP or S_CROP => CropEntry(ref c, arg, cmd == G_CROP),
            G_EXT_CTRLS or S_EXT_CTRLS or TRY_EXT_CTRLS => V4l2Controls.ExtControlsEntry(ref c, arg, cmd == G_EXT_CTRLS),
            ENUM_FRAMESIZES => FrameSizesEntry(ref c, arg),
            ENUM_FRAMEINTERVALS => FrameIntervalsEntry(ref c, arg),
            CREATE_BUFS => CreateBuffersEntry(ref c, arg),
            _ => IoctlArg.Unknown,
        };
    }

    /// <summary>The requests whose structure the entry starts (the rest strace leaves in hex).</summary>
    private static bool Decodes(uint cmd) => cmd is ENUM_FMT or G_FMT or S_FMT or TRY_FMT or REQBUFS or QUERYBUF or QBUF or DQBUF
        or G_PARM or S_PARM or ENUMSTD or ENUMINPUT or G_CTRL or S_CTRL or G_TUNER or S_TUNER or QUERYCTRL or QUERY_EXT_CTRL
        or CROPCAP or G_CROP or S_CROP or G_EXT_CTRLS or S_EXT_CTRLS or TRY_EXT_CTRLS or ENUM_FRAMESIZES or ENUM_FRAMEINTERVALS
        or CREATE_BUFS;

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case QUERYCAP:
                if (c.Failed) { w.Ptr(arg); return; }
                if (IoctlArgs.Read(ref c, arg, out V4l2Capability caps)) Capability(ref c, caps);
                return;
            case G_FBUF:
                if (c.Failed) { w.Ptr(arg); return; }
                Framebuffer(ref c, arg);
                return;
            case G_STD:
                if (c.Failed) { w.Ptr(arg); return; }
                if (IoctlArgs.Read(ref c, arg, out ulong std)) w.Raw((byte)'[').Hex(std).Raw((byte)']');
                return;
            case G_INPUT:
                if (c.Failed) { w.Ptr(arg); return; }
                if (IoctlArgs.Read(ref c, arg, out uint input)) w.Raw((byte)'[').UInt(input).Raw((byte)']');
                return;
            case G_EXT_CTRLS or S_EXT_CTRLS or TRY_EXT_CTRLS:
                V4l2Controls.ExtControlsExit(ref c, arg, cmd == G_EXT_CTRLS);
                return;
            case CREATE_BUFS:
                if (!c.Failed && Printers.TryRead(ref c, arg, out V4l2CreateBuffers b))
                    c.Aux.Raw("{index="u8).UInt(b.Index).Raw(", count="u8).UInt(b.Count).Raw((byte)'}');
                return;
            case QUERYCTRL or QUERY_EXT_CTRL:
                V4l2Controls.QueryExit(ref c, arg, cmd == QUERY_EXT_CTRL);
                return;
        }
        if (!c.Failed)
        {
            switch (cmd)
            {
                case ENUM_FMT: FmtdescExit(ref c, arg); break;
                case G_FMT or S_FMT or TRY_FMT: FormatExit(ref c, arg, cmd == G_FMT); break;
                case REQBUFS:
                    if (Printers.TryRead(ref c, arg, out V4l2RequestBuffers r)) WrittenBack(w).UInt(r.Count);
                    break;
                case QUERYBUF or QBUF or DQBUF: BufferExit(ref c, arg, cmd == DQBUF); break;
                case G_PARM or S_PARM: StreamParmExit(ref c, arg, cmd == G_PARM); break;
                case ENUMSTD: StandardExit(ref c, arg); break;
                case ENUMINPUT: InputExit(ref c, arg); break;
                case G_CTRL or S_CTRL:
                    if (!Printers.TryRead(ref c, arg, out V4l2Control ctl)) break;
                    if (cmd == G_CTRL) w.Field("value"u8).Int(ctl.Value);
                    else WrittenBack(w).Int(ctl.Value);
                    break;
                case G_TUNER or S_TUNER: TunerExit(ref c, arg, cmd == G_TUNER); break;
                case CROPCAP:
                    if (!Printers.TryRead(ref c, arg, out V4l2Cropcap cap)) break;
                    w.Field("bounds"u8);
                    V.Rect(w, cap.Bounds);
                    w.Field("defrect"u8);
                    V.Rect(w, cap.Defrect);
                    V.Fract(w, "pixelaspect"u8, cap.PixelAspect);
                    break;
                case G_CROP:
                    if (!Printers.TryRead(ref c, arg, out V4l2Crop crop)) break;
                    w.Field("c"u8);
                    V.Rect(w, crop.C);
                    break;
                case ENUM_FRAMESIZES: FrameSizesExit(ref c, arg); break;
                case ENUM_FRAMEINTERVALS: FrameIntervalsExit(ref c, arg); break;
            }
        }
        w.EndStruct();
    }

    /// <summary>" => " inside a structure: the value the kernel wrote over the one passed in.</summary>
    private static ArgWriter WrittenBack(ArgWriter w) => w.Raw(" => "u8);

    private static void Capability(ref DecodeContext c, in V4l2Capability caps)
    {
        var w = c.Out;
        w.BeginStruct().Field("driver"u8);
        fixed (byte* driver = caps.Driver, card = caps.Card, bus = caps.BusInfo)
        {
            IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(driver, 16));
            w.Field("card"u8);
            IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(card, 32));
            w.Field("bus_info"u8);
            IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(bus, 32));
        }
        w.Field("version"u8);
        w.KernelVersion(caps.Version);
        w.Field("capabilities"u8);
        V4l2Constants.DeviceCaps.Print(w, caps.Capabilities);
        if (caps.DeviceCaps != 0)
        {
            w.Field("device_caps"u8);
            V4l2Constants.DeviceCaps.Print(w, caps.DeviceCaps);
        }
        w.EndStruct();
    }

    private static IoctlArg FmtdescEntry(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2Fmtdesc f)) return IoctlArg.Done;
        c.Out.BeginStruct().Field("index"u8).UInt(f.Index).Field("type"u8);
        V4l2Constants.BufTypes.Print(c.Out, f.Type);
        return IoctlArg.Continues;
    }

    private static void FmtdescExit(ref DecodeContext c, ulong arg)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2Fmtdesc f)) return;
        var w = c.Out;
        w.Field("flags"u8);
        V4l2Constants.FormatFlags.Print(w, f.Flags);
        w.Field("description"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(f.Description, 32));
        w.Field("pixelformat"u8);
        V.Fourcc(w, f.PixelFormat, V4l2Names.PixelFormats);
    }

    private static IoctlArg FormatEntry(ref DecodeContext c, ulong arg, bool get)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2Format f)) return IoctlArg.Done;
        c.Out.BeginStruct().Field("type"u8);
        V4l2Constants.BufTypes.Print(c.Out, f.Type);
        if (get) return IoctlArg.Continues;
        if (V.HasFormat(f.Type) && V.Format(ref c, f.Type, new ReadOnlySpan<byte>(f.Fmt, V4l2Format.FmtSize))) return IoctlArg.Continues;
        c.Out.EndStruct();
        return IoctlArg.Done;
    }

    private static void FormatExit(ref DecodeContext c, ulong arg, bool get)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2Format f) || !V.HasFormat(f.Type)) return;
        if (!get) c.Out.EndStruct().Raw(" => "u8).BeginStruct();
        V.Format(ref c, f.Type, new ReadOnlySpan<byte>(f.Fmt, V4l2Format.FmtSize));
    }

    private static IoctlArg RequestBuffersEntry(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2RequestBuffers r)) return IoctlArg.Done;
        var w = c.Out;
        w.BeginStruct().Field("type"u8);
        V4l2Constants.BufTypes.Print(w, r.Type);
        w.Field("memory"u8);
        V4l2Constants.Memories.Print(w, r.Memory);
        w.Field("count"u8).UInt(r.Count);
        return IoctlArg.Continues;
    }

    private static IoctlArg BufferEntry(ref DecodeContext c, ulong arg, uint cmd)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2Buffer b)) return IoctlArg.Done;
        var w = c.Out;
        w.BeginStruct().Field("type"u8);
        V4l2Constants.BufTypes.Print(w, b.Type);
        if (cmd != DQBUF) w.Field("index"u8).UInt(b.Index);
        return IoctlArg.Continues;
    }

    private static void BufferExit(ref DecodeContext c, ulong arg, bool dequeue)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2Buffer b)) return;
        var w = c.Out;
        if (dequeue) w.Field("index"u8).UInt(b.Index);
        w.Field("memory"u8);
        V4l2Constants.Memories.Print(w, b.Memory);
        if (b.Memory == MemoryMmap) w.Field("m.offset"u8).Hex((uint)b.M);
        else if (b.Memory == MemoryUserptr) w.Field("m.userptr"u8).Ptr(b.M);
        w.Field("length"u8).UInt(b.Length).Field("bytesused"u8).UInt(b.BytesUsed).Field("flags"u8);
        V.BufferFlags(w, b.Flags);
        if (dequeue)
        {
            w.Field("timestamp"u8);
            TimePrinters.TimevalValue(w, b.TimestampSec, b.TimestampUsec);
        }
        w.Elided().Raw("..."u8);
    }

    private static void Framebuffer(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2Framebuffer b)) return;
        c.Out.BeginStruct().Field("capability"u8).Hex(b.Capability).Field("flags"u8).Hex(b.Flags)
            .Field("base"u8).Ptr(b.Base).EndStruct();
    }

    private static IoctlArg StreamParmEntry(ref DecodeContext c, ulong arg, bool get)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2StreamParm s)) return IoctlArg.Done;
        var w = c.Out;
        w.BeginStruct().Field("type"u8);
        V4l2Constants.BufTypes.Print(w, s.Type);
        if (s.Type is not (TypeVideoCapture or TypeVideoOutput)) { w.EndStruct(); return IoctlArg.Done; }
        if (!get) StreamParm(w, s);
        return IoctlArg.Continues;
    }

    private static void StreamParmExit(ref DecodeContext c, ulong arg, bool get)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2StreamParm s)) return;
        if (!get) c.Out.EndStruct().Raw(" => "u8).BeginStruct();
        StreamParm(c.Out, s);
    }

    /// <summary>"parm.capture={...}" or "parm.output={...}": the same shape under other names.</summary>
    private static void StreamParm(ArgWriter w, in V4l2StreamParm s)
    {
        bool capture = s.Type == TypeVideoCapture;
        w.Field(capture ? "parm.capture"u8 : "parm.output"u8).BeginStruct().Field("capability"u8);
        V4l2Constants.StreamingCaps.Print(w, s.Capability);
        w.Field(capture ? "capturemode"u8 : "outputmode"u8);
        V4l2Constants.CaptureModes.Print(w, s.Mode);
        V.Fract(w, "timeperframe"u8, s.TimePerFrame);
        w.Field("extendedmode"u8).Hex(s.ExtendedMode).Field(capture ? "readbuffers"u8 : "writebuffers"u8).UInt(s.Buffers).EndStruct();
    }

    /// <summary>"{index=N": the start of an enumeration whose answer exit prints.</summary>
    private static IoctlArg IndexEntry<T>(ref DecodeContext c, ulong arg) where T : unmanaged
    {
        if (!IoctlArgs.Read(ref c, arg, out T s)) return IoctlArg.Done;
        c.Out.BeginStruct().Field("index"u8).UInt(*(uint*)&s);
        return IoctlArg.Continues;
    }

    private static void StandardExit(ref DecodeContext c, ulong arg)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2Standard s)) return;
        c.Out.Field("name"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(s.Name, 24));
        V.Fract(c.Out, "frameperiod"u8, s.FramePeriod);
        c.Out.Field("framelines"u8).UInt(s.FrameLines);
    }

    private static void InputExit(ref DecodeContext c, ulong arg)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2Input i)) return;
        c.Out.Field("name"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(i.Name, 32));
        c.Out.Field("type"u8);
        V4l2Constants.InputTypes.Print(c.Out, i.Type);
    }

    private static IoctlArg ControlEntry(ref DecodeContext c, ulong arg, bool get)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2Control ctl)) return IoctlArg.Done;
        c.Out.BeginStruct().Field("id"u8);
        V.ControlId(c.Out, ctl.Id, nextFlags: false);
        if (!get) c.Out.Field("value"u8).Int(ctl.Value);
        return IoctlArg.Continues;
    }

    private static IoctlArg TunerEntry(ref DecodeContext c, ulong arg, bool get)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2Tuner t)) return IoctlArg.Done;
        c.Out.BeginStruct().Field("index"u8).UInt(t.Index);
        if (!get) Tuner(ref c, t);
        return IoctlArg.Continues;
    }

    private static void TunerExit(ref DecodeContext c, ulong arg, bool get)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2Tuner t)) return;
        if (!get) c.Out.EndStruct().Raw(" => "u8).BeginStruct();
        Tuner(ref c, t);
    }

    private static void Tuner(ref DecodeContext c, in V4l2Tuner t)
    {
        var w = c.Out;
        w.Field("name"u8);
        fixed (byte* name = t.Name) IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(name, 32));
        w.Field("type"u8);
        V4l2Constants.TunerTypes.Print(w, t.Type);
        w.Field("capability"u8);
        V4l2Constants.TunerCaps.Print(w, t.Capability);
        w.Field("rangelow"u8).UInt(t.RangeLow).Field("rangehigh"u8).UInt(t.RangeHigh).Field("rxsubchans"u8);
        V4l2Constants.TunerSubchannels.Print(w, t.RxSubchans);
        w.Field("audmode"u8);
        V4l2Constants.TunerAudioModes.Print(w, t.AudMode);
        w.Field("signal"u8).Int(t.Signal).Field("afc"u8).Int(t.Afc);
    }

    /// <summary>"{id=...": the control a query asks about, kept for exit, which shows a changed one.</summary>
    private static IoctlArg QueryEntry<T>(ref DecodeContext c, ulong arg) where T : unmanaged
    {
        if (!IoctlArgs.Read(ref c, arg, out T q)) return IoctlArg.Done;
        uint id = *(uint*)&q;
        c.Scratch.A = id;
        c.Out.BeginStruct().Field("id"u8);
        V.ControlId(c.Out, id, nextFlags: true);
        return IoctlArg.Continues;
    }

    /// <summary>"{type=X": the start of a request whose answer exit prints.</summary>
    private static IoctlArg TypeEntry<T>(ref DecodeContext c, ulong arg) where T : unmanaged
    {
        if (!IoctlArgs.Read(ref c, arg, out T s)) return IoctlArg.Done;
        c.Out.BeginStruct().Field("type"u8);
        V4l2Constants.BufTypes.Print(c.Out, *(uint*)&s);
        return IoctlArg.Continues;
    }

    private static IoctlArg CropEntry(ref DecodeContext c, ulong arg, bool get)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2Crop crop)) return IoctlArg.Done;
        var w = c.Out;
        w.BeginStruct().Field("type"u8);
        V4l2Constants.BufTypes.Print(w, crop.Type);
        if (get) return IoctlArg.Continues;
        w.Field("c"u8);
        V.Rect(w, crop.C);
        w.EndStruct();
        return IoctlArg.Done;
    }

    private static IoctlArg FrameSizesEntry(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2FrmsizeEnum s)) return IoctlArg.Done;
        c.Out.BeginStruct().Field("index"u8).UInt(s.Index).Field("pixel_format"u8);
        V.Fourcc(c.Out, s.PixelFormat, V4l2Names.PixelFormats);
        return IoctlArg.Continues;
    }

    private static void FrameSizesExit(ref DecodeContext c, ulong arg)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2FrmsizeEnum s)) return;
        var w = c.Out;
        w.Field("type"u8);
        V4l2Constants.FramesizeTypes.Print(w, s.Type);
        switch (s.Type)
        {
            case 1: // DISCRETE
                w.Field("discrete"u8).BeginStruct().Field("width"u8).UInt(s.Sizes[0]).Field("height"u8).UInt(s.Sizes[1]).EndStruct();
                break;
            case 3: // STEPWISE
                w.Field("stepwise"u8).BeginStruct().Field("min_width"u8).UInt(s.Sizes[0]).Field("max_width"u8).UInt(s.Sizes[1])
                    .Field("step_width"u8).UInt(s.Sizes[2]).Field("min_height"u8).UInt(s.Sizes[3])
                    .Field("max_height"u8).UInt(s.Sizes[4]).Field("step_height"u8).UInt(s.Sizes[5]).EndStruct();
                break;
        }
    }

    private static IoctlArg FrameIntervalsEntry(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2FrmivalEnum f)) return IoctlArg.Done;
        var w = c.Out;
        w.BeginStruct().Field("index"u8).UInt(f.Index).Field("pixel_format"u8);
        V.Fourcc(w, f.PixelFormat, V4l2Names.PixelFormats);
        w.Field("width"u8).UInt(f.Width).Field("height"u8).UInt(f.Height);
        return IoctlArg.Continues;
    }

    private static void FrameIntervalsExit(ref DecodeContext c, ulong arg)
    {
        if (!Printers.TryRead(ref c, arg, out V4l2FrmivalEnum f)) return;
        var w = c.Out;
        w.Field("type"u8);
        V4l2Constants.FrameintervalTypes.Print(w, f.Type);
        switch (f.Type)
        {
            case 1: // DISCRETE
                V.Fract(w, "discrete"u8, f.Min);
                break;
            case 2 or 3: // CONTINUOUS, STEPWISE
                w.Field("stepwise"u8).BeginStruct();
                V.Fract(w, "min"u8, f.Min);
                V.Fract(w, "max"u8, f.Max);
                V.Fract(w, "step"u8, f.Step);
                w.EndStruct();
                break;
        }
    }

    private static IoctlArg CreateBuffersEntry(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2CreateBuffers b)) return IoctlArg.Done;
        var w = c.Out;
        w.BeginStruct().Field("count"u8).UInt(b.Count).Field("memory"u8);
        V4l2Constants.Memories.Print(w, b.Memory);
        w.Field("format"u8).BeginStruct().Field("type"u8);
        V4l2Constants.BufTypes.Print(w, b.Format.Type);
        if (V.HasFormat(b.Format.Type)) V.Format(ref c, b.Format.Type, new ReadOnlySpan<byte>(b.Format.Fmt, V4l2Format.FmtSize));
        w.EndStruct().EndStruct();
        return IoctlArg.Continues;
    }
}
