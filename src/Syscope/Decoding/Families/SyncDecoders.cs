using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>futex: which of the six arguments mean anything, and how, depends on the command.</summary>
internal static class SyncDecoders
{
    private const int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_FD = 2, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4;
    private const int FUTEX_WAKE_OP = 5, FUTEX_LOCK_PI = 6, FUTEX_UNLOCK_PI = 7, FUTEX_TRYLOCK_PI = 8;
    private const int FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10, FUTEX_WAIT_REQUEUE_PI = 11;
    private const int FUTEX_CMP_REQUEUE_PI = 12, FUTEX_LOCK_PI2 = 13;

    public static void Register(DecoderTable d)
    {
        d[Sys.futex] = new FuncDecoder(FutexEntry);
        d[Sys.get_robust_list] = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed || !Printers.TryRead(ref c, c.Arg(1), out ulong head)) c.Out.Ptr(c.Arg(1));
            else c.Out.Raw((byte)'[').Ptr(head).Raw((byte)']');
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(2)); else Args.LongRef(ref c, c.Arg(2));
        });
    }

    // futex(uaddr, op, val, timeout-or-val2, uaddr2, val3)
    private static void FutexEntry(ref DecodeContext c)
    {
        Args.Ptr(ref c, 0);
        c.Out.Sep();
        uint op = (uint)c.Arg(1);
        int cmd = (int)(op & 127);
        var set = (op & ProcessConstants.FUTEX_PRIVATE_FLAG) != 0 ? ProcessConstants.FutexPrivateCommands : ProcessConstants.FutexCommands;
        uint known = op & ~(uint)ProcessConstants.FUTEX_CLOCK_REALTIME;
        var mark = c.Out.BeginConst();
        if (!set.TryName(known, out var name))
        {
            c.Out.Hex(op).Raw(" /* FUTEX_??? */"u8);
            c.Out.EndConst(mark, op);
            Args.Int(ref c, 2); Args.Ptr(ref c, 3); Args.Ptr(ref c, 4); Args.Int(ref c, 5);
            return;
        }
        c.Out.ConstName(name);
        if ((op & ProcessConstants.FUTEX_CLOCK_REALTIME) != 0) c.Out.Raw((byte)'|').ConstName("FUTEX_CLOCK_REALTIME"u8);
        c.Out.EndConst(mark, op);
        switch (cmd)
        {
            case FUTEX_WAIT:
                Args.Int(ref c, 2); Timeout(ref c);
                break;
            case FUTEX_WAIT_BITSET:
                Args.Int(ref c, 2); Timeout(ref c); Bitset(ref c);
                break;
            case FUTEX_WAKE:
            case FUTEX_FD:
                Args.Int(ref c, 2);
                break;
            case FUTEX_WAKE_BITSET:
                Args.Int(ref c, 2); Bitset(ref c);
                break;
            case FUTEX_REQUEUE:
                Args.Int(ref c, 2); Args.UInt(ref c, 3); Args.Ptr(ref c, 4);
                break;
            case FUTEX_CMP_REQUEUE:
            case FUTEX_CMP_REQUEUE_PI:
                Args.Int(ref c, 2); Args.UInt(ref c, 3); Args.Ptr(ref c, 4); Args.Int(ref c, 5);
                break;
            case FUTEX_WAKE_OP:
                Args.Int(ref c, 2); Args.UInt(ref c, 3); Args.Ptr(ref c, 4); WakeOp(ref c);
                break;
            case FUTEX_LOCK_PI:
            case FUTEX_LOCK_PI2:
                Timeout(ref c);
                break;
            case FUTEX_UNLOCK_PI:
            case FUTEX_TRYLOCK_PI:
                break;
            case FUTEX_WAIT_REQUEUE_PI:
                Args.Int(ref c, 2); Timeout(ref c); Args.Ptr(ref c, 4);
                break;
        }
    }

    private static void Timeout(ref DecodeContext c)
    {
        c.Out.Sep();
        TimePrinters.Timespec(ref c, c.Arg(3));
    }

    private static void Bitset(ref DecodeContext c)
    {
        c.Out.Sep();
        if ((uint)c.Arg(5) != uint.MaxValue) { c.Out.Hex((uint)c.Arg(5)); return; }
        var mark = c.Out.BeginConst();
        c.Out.ConstName("FUTEX_BITSET_MATCH_ANY"u8);
        c.Out.EndConst(mark, uint.MaxValue);
    }

    private static readonly string[] s_wakeOps = ["FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN", "FUTEX_OP_XOR"];
    private static readonly string[] s_wakeCmps = ["FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT", "FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE"];

    /// <summary>val3 of FUTEX_WAKE_OP packs an operation and a comparison (&lt;linux/futex.h&gt;).</summary>
    private static void WakeOp(ref DecodeContext c)
    {
        uint v = (uint)c.Arg(5);
        uint op = (v >> 28) & 7, cmp = (v >> 24) & 15, oparg = (v >> 12) & 0xfff, cmparg = v & 0xfff;
        var w = c.Out.Sep();
        w.Raw((byte)'{');
        if ((v >> 31) != 0) w.Raw("FUTEX_OP_OPARG_SHIFT<<28|"u8);
        if (op < s_wakeOps.Length) w.Ascii(s_wakeOps[op]).Raw("<<28"u8); else w.Hex(op).Raw("<<28 /* FUTEX_OP_??? */"u8);
        w.Raw(", "u8).Int(oparg).Raw(", "u8);
        if (cmp < s_wakeCmps.Length) w.Ascii(s_wakeCmps[cmp]).Raw("<<24"u8); else w.Hex(cmp).Raw("<<24 /* FUTEX_OP_CMP_??? */"u8);
        w.Raw(", "u8).Int(cmparg).Raw((byte)'}');
    }
}
