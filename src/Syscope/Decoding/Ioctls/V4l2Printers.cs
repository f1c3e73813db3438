using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>The values Video4Linux2 requests share: pixel formats as v4l2_fourcc(...), control ids,
/// rectangles and fractions, buffer flags, and struct v4l2_format's union by buffer type.</summary>
internal static unsafe class V4l2Printers
{
    private const uint NextFlagsMask = 0xc0000000;
    private const uint TimestampMask = 0xe000, TimestampSourceMask = 0x70000;

    /// <summary>A four-character code: v4l2_fourcc('Y', 'U', 'Y', 'V') and the format's name in a
    /// comment when it has one; -X raw prints the number.</summary>
    public static void Fourcc(ArgWriter w, uint code, ValueSet names)
    {
        if (w.Style == ConstStyle.Raw) { w.Hex(code); return; }
        w.Raw("v4l2_fourcc("u8);
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) w.Raw(", "u8);
            Char(w, (byte)(code >> (8 * i)));
        }
        w.Raw((byte)')');
        if (names.TryName(code, out var name)) w.Raw(" /* "u8).Raw(name).Raw(" */"u8);
    }

    /// <summary>A character in single quotes: printable ones as they are ('\'' and '\\' escaped),
    /// the rest as '\xNN'.</summary>
    private static void Char(ArgWriter w, byte ch)
    {
        w.Raw((byte)'\'');
        if (ch is >= 0x20 and < 0x7f)
        {
            if (ch is (byte)'\'' or (byte)'\\') w.Raw((byte)'\\');
            w.Raw(ch);
        }
        else
        {
            w.Raw("\\x"u8).Raw(HexDigit(ch >> 4)).Raw(HexDigit(ch & 0xf));
        }
        w.Raw((byte)'\'');
    }

    private static byte HexDigit(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);

    /// <summary>A control id: its name, else its class and the offset in it
    /// (V4L2_CTRL_CLASS_DETECT+0x1234), else hex; with nextFlags the V4L2_CTRL_FLAG_NEXT_* bits a
    /// query sets come first. -X raw prints the number.</summary>
    public static void ControlId(ArgWriter w, uint id, bool nextFlags)
    {
        if (w.Style == ConstStyle.Raw) { w.Hex(id); return; }
        if (nextFlags && (id & NextFlagsMask) != 0)
        {
            V4l2Constants.ControlNextFlags.Print(w, id & NextFlagsMask);
            w.Raw((byte)'|');
            id &= ~NextFlagsMask;
        }
        if (V4l2Names.ControlIds.TryName(id, out _)) { V4l2Names.ControlIds.Print(w, id); return; }
        var classes = V4l2Constants.ControlClasses.Rows;
        int found = -1;
        for (int i = 0; i < classes.Count && classes[i].Value <= id; i++) found = i;
        if (found < 0 || id - classes[found].Value >= 0x10000) { V4l2Names.ControlIds.Print(w, id); return; }
        var mark = w.BeginConst();
        w.Ascii(classes[found].Name).Raw((byte)'+').Hex(id - classes[found].Value);
        w.EndNamedConst(mark, id);
    }

    /// <summary>A buffer's flags: the flags, then the time stamp type and source, which are values.</summary>
    public static void BufferFlags(ArgWriter w, uint value)
    {
        if (w.Style == ConstStyle.Raw) { w.Hex(value); return; }
        uint flags = value & ~(TimestampMask | TimestampSourceMask);
        if (flags != 0)
        {
            V4l2Constants.BufFlags.Print(w, flags);
            w.Raw((byte)'|');
        }
        V4l2Constants.TimestampTypes.Print(w, value & TimestampMask);
        w.Raw((byte)'|');
        V4l2Constants.TimestampSources.Print(w, value & TimestampSourceMask);
    }

    public static void Rect(ArgWriter w, in V4l2Rect r) =>
        w.BeginStruct().Field("left"u8).Int(r.Left).Field("top"u8).Int(r.Top)
            .Field("width"u8).UInt(r.Width).Field("height"u8).UInt(r.Height).EndStruct();

    /// <summary>"name=numerator/denominator".</summary>
    public static void Fract(ArgWriter w, ReadOnlySpan<byte> name, V4l2Fract f) =>
        w.Field(name).UInt(f.Numerator).Raw((byte)'/').UInt(f.Denominator);

    /// <summary>Whether the buffer type has a format strace prints (the union's member).</summary>
    public static bool HasFormat(uint type) => type is >= 1 and <= 14;

    /// <summary>", fmt.pix={...}" (the member the type selects) after what the caller printed;
    /// false when the type has none, or the window's clips did not all print (strace then stops).</summary>
    public static bool Format(ref DecodeContext c, uint type, ReadOnlySpan<byte> fmt)
    {
        var w = c.Out;
        switch (type)
        {
            case 1 or 2: // VIDEO_CAPTURE, VIDEO_OUTPUT
                {
                    var p = MemoryMarshal.Read<V4l2PixFormat>(fmt);
                    w.Field("fmt.pix"u8).BeginStruct().Field("width"u8).UInt(p.Width).Field("height"u8).UInt(p.Height)
                        .Field("pixelformat"u8);
                    Fourcc(w, p.PixelFormat, V4l2Names.PixelFormats);
                    w.Field("field"u8);
                    V4l2Constants.Fields.Print(w, p.Field);
                    w.Field("bytesperline"u8).UInt(p.BytesPerLine).Field("sizeimage"u8).UInt(p.SizeImage).Field("colorspace"u8);
                    V4l2Constants.Colorspaces.Print(w, p.Colorspace);
                    w.EndStruct();
                    return true;
                }
            case 9 or 10: // VIDEO_CAPTURE_MPLANE, VIDEO_OUTPUT_MPLANE
                PixMp(w, MemoryMarshal.Read<V4l2PixFormatMplane>(fmt));
                return true;
            case 3 or 8: // VIDEO_OVERLAY, VIDEO_OUTPUT_OVERLAY
                return Window(ref c, MemoryMarshal.Read<V4l2Window>(fmt));
            case 4 or 5: // VBI_CAPTURE, VBI_OUTPUT
                Vbi(w, MemoryMarshal.Read<V4l2VbiFormat>(fmt));
                return true;
            case 6 or 7: // SLICED_VBI_CAPTURE, SLICED_VBI_OUTPUT
                Sliced(w, MemoryMarshal.Read<V4l2SlicedVbiFormat>(fmt));
                return true;
            case 11 or 12: // SDR_CAPTURE, SDR_OUTPUT
                {
                    var s = MemoryMarshal.Read<V4l2SdrFormat>(fmt);
                    w.Field("fmt.sdr"u8).BeginStruct().Field("pixelformat"u8);
                    Fourcc(w, s.PixelFormat, V4l2Names.SdrFormats);
                    if (s.BufferSize != 0) w.Field("buffersize"u8).UInt(s.BufferSize);
                    w.EndStruct();
                    return true;
                }
            case 13 or 14: // META_CAPTURE, META_OUTPUT
                {
                    var m = MemoryMarshal.Read<V4l2SdrFormat>(fmt);
                    w.Field("fmt.meta"u8).BeginStruct().Field("dataformat"u8);
                    Fourcc(w, m.PixelFormat, V4l2Names.MetaFormats);
                    w.Field("buffersize"u8).UInt(m.BufferSize).EndStruct();
                    return true;
                }
            default: return false;
        }
    }

    private static void PixMp(ArgWriter w, V4l2PixFormatMplane p)
    {
        w.Field("fmt.pix_mp"u8).BeginStruct().Field("width"u8).UInt(p.Width).Field("height"u8).UInt(p.Height).Field("pixelformat"u8);
        Fourcc(w, p.PixelFormat, V4l2Names.PixelFormats);
        w.Field("field"u8);
        V4l2Constants.Fields.Print(w, p.Field);
        w.Field("colorspace"u8);
        V4l2Constants.Colorspaces.Print(w, p.Colorspace);
        w.Field("plane_fmt"u8).BeginArray();
        int planes = Math.Min((int)p.NumPlanes, V4l2PixFormatMplane.MaxPlanes);
        var planeFmt = new ReadOnlySpan<V4l2PlanePixFormat>(p.PlaneFmt, V4l2PixFormatMplane.MaxPlanes);
        for (int i = 0; i < planes; i++)
            w.Element().BeginStruct().Field("sizeimage"u8).UInt(planeFmt[i].SizeImage)
                .Field("bytesperline"u8).UInt(planeFmt[i].BytesPerLine).EndStruct();
        w.EndArray().Field("num_planes"u8).UInt(p.NumPlanes).EndStruct();
    }

    private static bool Window(ref DecodeContext c, in V4l2Window win)
    {
        var w = c.Out;
        w.Field("fmt.win"u8).BeginStruct().Field("w"u8);
        Rect(w, win.W);
        w.Field("field"u8);
        V4l2Constants.Fields.Print(w, win.Field);
        w.Field("chromakey"u8).Hex(win.Chromakey).Field("clips"u8);
        bool whole = Printers.Array(ref c, win.Clips, win.ClipCount,
            static (ref DecodeContext c, in V4l2Clip clip) =>
            {
                c.Out.BeginStruct().Field("c"u8);
                Rect(c.Out, clip.C);
                c.Out.EndStruct();
            });
        w.Field("clipcount"u8).UInt(win.ClipCount).Field("bitmap"u8).Ptr(win.Bitmap);
        if (win.GlobalAlpha != 0) w.Field("global_alpha"u8).Hex(win.GlobalAlpha);
        w.EndStruct();
        return whole;
    }

    private static void Vbi(ArgWriter w, V4l2VbiFormat v)
    {
        w.Field("fmt.vbi"u8).BeginStruct().Field("sampling_rate"u8).UInt(v.SamplingRate).Field("offset"u8).UInt(v.Offset)
            .Field("samples_per_line"u8).UInt(v.SamplesPerLine).Field("sample_format"u8);
        Fourcc(w, v.SampleFormat, V4l2Names.PixelFormats);
        w.Field("start"u8).BeginArray().Element().Int(v.Start[0]).Element().Int(v.Start[1]).EndArray()
            .Field("count"u8).BeginArray().Element().UInt(v.Count[0]).Element().UInt(v.Count[1]).EndArray()
            .Field("flags"u8);
        V4l2Constants.VbiFlags.Print(w, v.Flags);
        w.EndStruct();
    }

    private static void Sliced(ArgWriter w, V4l2SlicedVbiFormat s)
    {
        w.Field("fmt.sliced"u8).BeginStruct().Field("service_set"u8);
        V4l2Constants.SlicedServices.Print(w, s.ServiceSet);
        w.Field("service_lines"u8).BeginArray();
        for (int field = 0; field < 2; field++)
        {
            w.Element().BeginArray();
            for (int line = 0; line < V4l2SlicedVbiFormat.Lines; line++)
                w.Element().Hex(s.ServiceLines[field * V4l2SlicedVbiFormat.Lines + line]);
            w.EndArray();
        }
        w.EndArray().Field("io_size"u8).UInt(s.IoSize).EndStruct();
    }
}
