using System.Numerics;
using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/gpio.h&gt; requests of type 0xb4 on a GPIO chip and its line descriptors,
/// v1 and v2: what the caller asks for at entry, and after " => " what the kernel wrote back (line
/// info, the new line descriptor, values read).</summary>
internal sealed unsafe class GpioIoctls : IoctlFamily
{
    private const uint GET_CHIPINFO = 0x8044b401, GET_LINEINFO = 0xc048b402, GET_LINEHANDLE = 0xc16cb403;
    private const uint GET_LINEEVENT = 0xc030b404, HANDLE_GET_VALUES = 0xc040b408, HANDLE_SET_VALUES = 0xc040b409;
    private const uint HANDLE_SET_CONFIG = 0xc054b40a, GET_LINEINFO_WATCH = 0xc048b40b, GET_LINEINFO_UNWATCH = 0xc004b40c;
    private const uint V2_GET_LINEINFO = 0xc100b405, V2_GET_LINEINFO_WATCH = 0xc100b406, V2_GET_LINE = 0xc250b407;
    private const uint V2_SET_CONFIG = 0xc110b40d, V2_GET_VALUES = 0xc010b40e, V2_SET_VALUES = 0xc010b40f;

    /// <summary>GPIOHANDLES_MAX and GPIO_V2_LINES_MAX: the lines one request names.</summary>
    private const uint MaxLines = 64;

    /// <summary>enum gpio_v2_line_attr_id.</summary>
    private const uint AttrFlags = 1, AttrOutputValues = 2, AttrDebounce = 3;

    public override ReadOnlySpan<byte> Types => [0xb4];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case GET_CHIPINFO or HANDLE_GET_VALUES: return IoctlArg.AtExit;
            case GET_LINEINFO or GET_LINEINFO_WATCH:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out GpiolineInfo li)) c.Out.BeginStruct().Field("line_offset"u8).UInt(li.LineOffset).EndStruct();
                return IoctlArg.Continues;
            case GET_LINEINFO_UNWATCH:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out uint offset)) c.Out.BeginStruct().Field("offset"u8).UInt(offset).EndStruct();
                return IoctlArg.Done;
            case GET_LINEHANDLE: c.Out.Sep(); HandleRequest(ref c, arg); return IoctlArg.Continues;
            case GET_LINEEVENT: c.Out.Sep(); EventRequest(ref c, arg); return IoctlArg.Continues;
            case HANDLE_SET_VALUES: c.Out.Sep(); HandleValues(ref c, arg); return IoctlArg.Done;
            case HANDLE_SET_CONFIG:
                c.Out.Sep();
                if (!IoctlArgs.Read(ref c, arg, out GpiohandleConfig hc)) return IoctlArg.Done;
                c.Out.BeginStruct().Field("flags"u8);
                IoctlConstants.GpioHandleFlags.Print(c.Out, hc.Flags);
                c.Out.Field("default_values"u8);
                Numbers(ref c, new ReadOnlySpan<byte>(hc.DefaultValues, (int)MaxLines));
                c.Out.EndStruct();
                return IoctlArg.Done;
            case V2_GET_LINEINFO or V2_GET_LINEINFO_WATCH:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out GpioV2LineInfo vi)) c.Out.BeginStruct().Field("offset"u8).UInt(vi.Offset).EndStruct();
                return IoctlArg.Continues;
            case V2_GET_LINE: c.Out.Sep(); LineRequest(ref c, arg); return IoctlArg.Continues;
            case V2_SET_CONFIG:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out GpioV2LineConfig config)) LineConfig(ref c, config);
                return IoctlArg.Done;
            case V2_GET_VALUES:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out GpioV2LineValues mask)) c.Out.BeginStruct().Field("mask"u8).Hex(mask.Mask).EndStruct();
                return IoctlArg.Continues;
            case V2_SET_VALUES:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out GpioV2LineValues v))
                    c.Out.BeginStruct().Field("bits"u8).Hex(v.Bits).Field("mask"u8).Hex(v.Mask).EndStruct();
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case GET_CHIPINFO:
                if (c.Failed) { w.Ptr(arg); return; }
                if (!IoctlArgs.Read(ref c, arg, out GpiochipInfo chip)) return;
                w.BeginStruct().Field("name"u8);
                CString(ref c, new ReadOnlySpan<byte>(chip.Name, 32));
                w.Field("label"u8);
                CString(ref c, new ReadOnlySpan<byte>(chip.Label, 32));
                w.Field("lines"u8).UInt(chip.Lines).EndStruct();
                return;
            case HANDLE_GET_VALUES:
                if (c.Failed) w.Ptr(arg); else HandleValues(ref c, arg);
                return;
        }
        // The rest continue the line: " => {...}" when the call succeeded and the argument is readable.
        if (c.Failed) return;
        switch (cmd)
        {
            case GET_LINEINFO or GET_LINEINFO_WATCH:
                if (!Printers.TryRead(ref c, arg, out GpiolineInfo li)) return;
                w.Raw(" => "u8).BeginStruct().Field("flags"u8);
                IoctlConstants.GpioLineFlags.Print(w, li.Flags);
                w.Field("name"u8);
                CString(ref c, new ReadOnlySpan<byte>(li.Name, 32));
                w.Field("consumer"u8);
                CString(ref c, new ReadOnlySpan<byte>(li.Consumer, 32));
                w.EndStruct();
                return;
            case GET_LINEHANDLE:
                if (Printers.TryRead(ref c, arg, out GpiohandleRequest hr)) NewFd(w, hr.Fd);
                return;
            case GET_LINEEVENT:
                if (Printers.TryRead(ref c, arg, out GpioeventRequest er)) NewFd(w, er.Fd);
                return;
            case V2_GET_LINE:
                if (Printers.TryRead(ref c, arg, out GpioV2LineRequest lr)) NewFd(w, lr.Fd);
                return;
            case V2_GET_LINEINFO or V2_GET_LINEINFO_WATCH:
                if (Printers.TryRead(ref c, arg, out GpioV2LineInfo vi)) { w.Raw(" => "u8); LineInfo(ref c, vi); }
                return;
            case V2_GET_VALUES:
                if (Printers.TryRead(ref c, arg, out GpioV2LineValues v)) w.Raw(" => "u8).BeginStruct().Field("bits"u8).Hex(v.Bits).EndStruct();
                return;
        }
    }

    private static void NewFd(ArgWriter w, int fd) => w.Raw(" => "u8).BeginStruct().Field("fd"u8).Int(fd).EndStruct();

    private static void HandleRequest(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out GpiohandleRequest r)) return;
        var w = c.Out;
        int lines = (int)Math.Min(r.Lines, MaxLines);
        w.BeginStruct().Field("lines"u8).UInt(r.Lines).Field("lineoffsets"u8);
        Numbers(ref c, new ReadOnlySpan<uint>(r.LineOffsets, lines));
        w.Field("flags"u8);
        IoctlConstants.GpioHandleFlags.Print(w, r.Flags);
        w.Field("default_values"u8);
        Numbers(ref c, new ReadOnlySpan<byte>(r.DefaultValues, lines));
        w.Field("consumer_label"u8);
        CString(ref c, new ReadOnlySpan<byte>(r.ConsumerLabel, 32));
        w.EndStruct();
    }

    private static void EventRequest(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out GpioeventRequest r)) return;
        var w = c.Out;
        w.BeginStruct().Field("lineoffset"u8).UInt(r.LineOffset).Field("handleflags"u8);
        IoctlConstants.GpioHandleFlags.Print(w, r.HandleFlags);
        w.Field("eventflags"u8);
        IoctlConstants.GpioEventFlags.Print(w, r.EventFlags);
        w.Field("consumer_label"u8);
        CString(ref c, new ReadOnlySpan<byte>(r.ConsumerLabel, 32));
        w.EndStruct();
    }

    private static void HandleValues(ref DecodeContext c, ulong addr)
    {
        Span<byte> values = stackalloc byte[(int)MaxLines];
        if (addr == 0 || Printers.ReadStruct(ref c, addr, values) < values.Length) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("values"u8);
        Numbers(ref c, values);
        c.Out.EndStruct();
    }

    private static void LineRequest(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out GpioV2LineRequest r)) return;
        var w = c.Out;
        w.BeginStruct().Field("num_lines"u8).UInt(r.NumLines).Field("offsets"u8);
        Numbers(ref c, new ReadOnlySpan<uint>(r.Offsets, (int)Math.Min(r.NumLines, MaxLines)));
        w.Field("consumer"u8);
        CString(ref c, new ReadOnlySpan<byte>(r.Consumer, 32));
        w.Field("config"u8);
        LineConfig(ref c, r.Config);
        if (r.EventBufferSize != 0) w.Field("event_buffer_size"u8).UInt(r.EventBufferSize);
        Padding(ref c, new ReadOnlySpan<uint>(r.Padding, 5));
        w.EndStruct();
    }

    private static void LineConfig(ref DecodeContext c, in GpioV2LineConfig config)
    {
        var w = c.Out;
        w.BeginStruct().Field("flags"u8);
        IoctlConstants.GpioV2LineFlags.Print(w, config.Flags);
        w.Field("num_attrs"u8).UInt(config.NumAttrs);
        fixed (uint* padding = config.Padding) Padding(ref c, new ReadOnlySpan<uint>(padding, 5));
        if (config.NumAttrs != 0)
        {
            fixed (ulong* raw = config.Attrs)
            {
                var attrs = MemoryMarshal.Cast<ulong, GpioV2LineConfigAttribute>(new ReadOnlySpan<ulong>(raw, 3 * GpioV2LineConfig.MaxAttrs));
                w.Field("attrs"u8).BeginArray();
                foreach (var a in attrs[..(int)Math.Min(config.NumAttrs, GpioV2LineConfig.MaxAttrs)])
                {
                    w.Element().BeginStruct();
                    // An attribute with padding set shows whole, as attr={...}; else its field joins the mask.
                    if (a.Attr.Padding != 0) { w.Field("attr"u8).BeginStruct(); AttributeFields(w, a.Attr); w.EndStruct(); }
                    else AttributeFields(w, a.Attr);
                    w.Field("mask"u8).Hex(a.Mask).EndStruct();
                }
                w.EndArray();
            }
        }
        w.EndStruct();
    }

    private static void LineInfo(ref DecodeContext c, in GpioV2LineInfo info)
    {
        var w = c.Out;
        w.BeginStruct().Field("name"u8);
        fixed (byte* name = info.Name) CString(ref c, new ReadOnlySpan<byte>(name, 32));
        w.Field("consumer"u8);
        fixed (byte* consumer = info.Consumer) CString(ref c, new ReadOnlySpan<byte>(consumer, 32));
        w.Field("flags"u8);
        IoctlConstants.GpioV2LineFlags.Print(w, info.Flags);
        w.Field("num_attrs"u8).UInt(info.NumAttrs);
        if (info.NumAttrs != 0)
        {
            fixed (ulong* raw = info.Attrs)
            {
                var attrs = MemoryMarshal.Cast<ulong, GpioV2LineAttribute>(new ReadOnlySpan<ulong>(raw, 2 * GpioV2LineConfig.MaxAttrs));
                w.Field("attrs"u8).BeginArray();
                foreach (var a in attrs[..(int)Math.Min(info.NumAttrs, GpioV2LineConfig.MaxAttrs)])
                {
                    w.Element().BeginStruct();
                    AttributeFields(w, a);
                    w.EndStruct();
                }
                w.EndArray();
            }
        }
        fixed (uint* padding = info.Padding) Padding(ref c, new ReadOnlySpan<uint>(padding, 4));
        w.EndStruct();
    }

    /// <summary>An attribute's value by its id, or with padding set (or an unknown id) its raw parts.</summary>
    private static void AttributeFields(ArgWriter w, in GpioV2LineAttribute a)
    {
        if (a.Padding == 0)
            switch (a.Id)
            {
                case AttrFlags: w.Field("flags"u8); IoctlConstants.GpioV2LineFlags.Print(w, a.Value); return;
                case AttrOutputValues: w.Field("values"u8).Hex(a.Value); return;
                case AttrDebounce: w.Field("debounce_period_us"u8).UInt((uint)a.Value); return;
            }
        w.Field("id"u8).UInt(a.Id);
        if (a.Padding != 0) w.Field("padding"u8).Hex(a.Padding);
        w.Field("data"u8).Hex(a.Value);
    }

    /// <summary>Reserved words, shown only when one is not zero.</summary>
    private static void Padding(ref DecodeContext c, scoped ReadOnlySpan<uint> padding)
    {
        if (padding.IndexOfAnyExcept(0u) < 0) return;
        c.Out.Field("padding"u8).BeginArray();
        foreach (uint p in padding) c.Out.Element().Hex(p);
        c.Out.EndArray();
    }

    /// <summary>Line offsets or values, cut at -s's count without -v.</summary>
    private static void Numbers<T>(ref DecodeContext c, scoped ReadOnlySpan<T> values) where T : unmanaged, IBinaryInteger<T>
    {
        int max = Printers.MaxElements(ref c);
        c.Out.BeginArray();
        for (int i = 0; i < values.Length; i++)
        {
            if (i == max) { c.Out.Elided().Raw("..."u8); break; }
            c.Out.Element().UInt(ulong.CreateTruncating(values[i]));
        }
        c.Out.EndArray();
    }

    /// <summary>A char array field: up to its NUL, or whole and "..." without one.</summary>
    private static void CString(ref DecodeContext c, scoped ReadOnlySpan<byte> field)
    {
        int nul = field.IndexOf((byte)0);
        c.Out.Quoted(nul < 0 ? field : field[..nul], c.Options.HexStrings, nul < 0);
    }
}
