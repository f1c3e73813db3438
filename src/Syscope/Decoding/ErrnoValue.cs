using Syscope.Kernel;

namespace Syscope.Decoding;

/// <summary>A value that is a negated errno where the kernel fails (a seccomp response's error, a
/// netlink error, move_pages' status, a syscall's rval): "-ENOENT" as a constant whose number is
/// the value, any other value as its number.</summary>
internal static class ErrnoValue
{
    public static void Print(ArgWriter w, long value)
    {
        if (value >= 0 || value < -4095 || !Errno.IsKnown((int)-value)) { w.Int(value); return; }
        var mark = w.BeginConst();
        w.Raw((byte)'-').ConstName(Errno.NameUtf8((int)-value));
        w.EndConst(mark, (ulong)value, NumberBase.Decimal);
    }
}
