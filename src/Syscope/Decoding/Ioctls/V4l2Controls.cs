using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>The Video4Linux2 control requests with more than one value: VIDIOC_G/S/TRY_EXT_CTRLS
/// (a class and an array of controls) and the answers of VIDIOC_QUERYCTRL and VIDIOC_QUERY_EXT_CTRL.</summary>
internal static unsafe class V4l2Controls
{
    /// <summary>"{ctrl_class=..., count=N": a get waits for exit with the controls; a set or try
    /// shows them now, and ends there when they cannot all be read (strace then stops).</summary>
    public static IoctlArg ExtControlsEntry(ref DecodeContext c, ulong arg, bool get)
    {
        if (!IoctlArgs.Read(ref c, arg, out V4l2ExtControls x)) return IoctlArg.Done;
        var w = c.Out;
        w.BeginStruct().Field("ctrl_class"u8);
        V4l2Constants.ControlClasses.Print(w, x.CtrlClass);
        w.Field("count"u8).UInt(x.Count);
        if (x.Count == 0) { w.EndStruct(); return IoctlArg.Done; }
        if (get) return IoctlArg.Continues;
        w.Field("controls"u8);
        if (Controls(ref c, x)) return IoctlArg.Continues;
        w.EndStruct();
        return IoctlArg.Done;
    }

    /// <summary>The controls as they are after the call (even a failed one, which also says which
    /// control failed in error_idx); a set shows them as " => {controls=...}".</summary>
    public static void ExtControlsExit(ref DecodeContext c, ulong arg, bool get)
    {
        var w = c.Out;
        if (Printers.TryRead(ref c, arg, out V4l2ExtControls x))
        {
            if (!get) w.EndStruct().Raw(" => "u8).BeginStruct();
            w.Field("controls"u8);
            Controls(ref c, x);
            if (c.Failed) w.Field("error_idx"u8).UInt(x.ErrorIdx);
        }
        w.EndStruct();
    }

    private static bool Controls(ref DecodeContext c, in V4l2ExtControls x) =>
        Printers.Array(ref c, x.Controls, x.Count, static (ref DecodeContext c, in V4l2ExtControl ctl) =>
        {
            var w = c.Out;
            w.BeginStruct().Field("id"u8);
            V4l2Names.ControlIds.Print(w, ctl.Id);
            w.Field("size"u8).UInt(ctl.Size);
            if (ctl.Size > 0)
            {
                w.Field("string"u8);
                Printers.Buffer(ref c, (ulong)ctl.Value64, ctl.Size);
            }
            else
            {
                w.Field("value"u8).Int((int)ctl.Value64).Field("value64"u8).Int(ctl.Value64);
            }
            w.EndStruct();
        });

    /// <summary>A query's answer: the control found (after " => " when it is not the one asked
    /// about), its type and name, and with -v its range, flags and (for the extended query) its
    /// element layout; reserved words only when set.</summary>
    public static void QueryExit(ref DecodeContext c, ulong arg, bool extended)
    {
        var w = c.Out;
        if (!c.Failed)
        {
            if (extended) { if (Printers.TryRead(ref c, arg, out V4l2QueryExtCtrl q)) ExtQuery(ref c, q); }
            else if (Printers.TryRead(ref c, arg, out V4l2QueryCtrl q)) Query(ref c, q);
        }
        w.EndStruct();
    }

    private static void Head(ref DecodeContext c, uint id, uint type, byte* name)
    {
        var w = c.Out;
        if (id != (uint)c.Scratch.A)
        {
            w.Raw(" => "u8);
            V4l2Printers.ControlId(w, id, nextFlags: false);
        }
        w.Field("type"u8);
        V4l2Constants.ControlTypes.Print(w, type);
        w.Field("name"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(name, 32));
    }

    private static void Query(ref DecodeContext c, V4l2QueryCtrl q)
    {
        var w = c.Out;
        Head(ref c, q.Id, q.Type, q.Name);
        if (!c.Unabbreviated) { w.Elided().Raw("..."u8); return; }
        w.Field("minimum"u8).Int(q.Minimum).Field("maximum"u8).Int(q.Maximum).Field("step"u8).Int(q.Step)
            .Field("default_value"u8).Int(q.DefaultValue).Field("flags"u8);
        V4l2Constants.ControlFlags.Print(w, q.Flags);
        IoctlArgs.ReservedIfSet(w, "reserved"u8, new ReadOnlySpan<uint>(q.Reserved, 2));
    }

    private static void ExtQuery(ref DecodeContext c, V4l2QueryExtCtrl q)
    {
        var w = c.Out;
        Head(ref c, q.Id, q.Type, q.Name);
        if (!c.Unabbreviated) { w.Elided().Raw("..."u8); return; }
        w.Field("minimum"u8).Int(q.Minimum).Field("maximum"u8).Int(q.Maximum).Field("step"u8).UInt(q.Step)
            .Field("default_value"u8).Int(q.DefaultValue).Field("flags"u8);
        V4l2Constants.ControlFlags.Print(w, q.Flags);
        w.Field("elem_size"u8).UInt(q.ElemSize).Field("elems"u8).UInt(q.Elems).Field("nr_of_dims"u8).UInt(q.NrOfDims)
            .Field("dims"u8).BeginArray();
        int dims = (int)Math.Min(q.NrOfDims, 4u);
        for (int i = 0; i < dims; i++) w.Element().UInt(q.Dims[i]);
        w.EndArray();
        IoctlArgs.ReservedIfSet(w, "reserved"u8, new ReadOnlySpan<uint>(q.Reserved, 32));
    }
}
