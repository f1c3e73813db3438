using Syscope.Decoding.Constants;
using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>ioprio_get and ioprio_set: a priority prints as the macro that builds it,
/// IOPRIO_PRIO_VALUE(class, data), also after ioprio_get's return value.</summary>
internal static class IoprioDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.ioprio_get] = new FuncDecoder(Target, (ref DecodeContext c) =>
        {
            // -X raw leaves the note out: it would only repeat the number.
            if (!c.Failed && c.Aux.Style != ConstStyle.Raw) Priority(c.Aux, (ulong)c.ReturnValue);
        }, exitArgs: false);
        d[Sys.ioprio_set] = new FuncDecoder((ref DecodeContext c) =>
        {
            Target(ref c);
            c.Out.Sep();
            // As a whole the priority is one constant ("16388 /* IOPRIO_PRIO_VALUE(...) */" with -X
            // verbose), yet strace styles the class inside it too, so the style stays on within.
            var mark = c.Out.BeginConst();
            c.Out.Style = mark.Style;
            Priority(c.Out, c.Arg(2));
            c.Out.EndConst(mark, unchecked((ulong)(long)c.IntArg(2)), NumberBase.Decimal);
        });
    }

    private static void Target(ref DecodeContext c)
    {
        Args.Value(ref c, 0, ProcessConstants.IoprioWho);
        Who(ref c, 1, c.Arg(0) == 1 ? PidKind.Process : c.Arg(0) == 2 ? PidKind.Group : null);
    }

    /// <summary>The "who" of ioprio and getpriority: a process or a process group (-Y names a
    /// process), else a user id.</summary>
    internal static void Who(ref DecodeContext c, int i, PidKind? kind)
    {
        if (kind is { } k) Args.Pid(ref c, i, k);
        else Args.Int(ref c, i);
    }

    private static void Priority(ArgWriter w, ulong value)
    {
        uint v = (uint)value;
        w.Raw("IOPRIO_PRIO_VALUE("u8);
        ProcessConstants.IoprioClass.Print(w, v >> ProcessConstants.IoprioClassShift);
        w.Raw(", "u8).UInt(v & ((1u << ProcessConstants.IoprioClassShift) - 1)).Raw((byte)')');
    }
}
