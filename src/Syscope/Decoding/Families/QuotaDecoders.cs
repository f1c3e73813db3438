using System.Runtime.CompilerServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;
using static Syscope.Decoding.Constants.AdminConstants;

namespace Syscope.Decoding.Families;

/// <summary>quotactl(2) and quotactl_fd(2): QCMD(command, type), then the id and address as each
/// command uses them: none for the sync and off commands, no id for the per-filesystem ones, a
/// format and a path for Q_QUOTAON, and the structure the address points to, read at entry for
/// the commands that set (Q_SETQUOTA, Q_SETINFO, Q_XSETQLIM, the XFS flag words) and at exit for
/// those that get (printed as the address when the call failed). Without -v strace shows the
/// first fields of a quota and "...".</summary>
internal static class QuotaDecoders
{
    private const int IdArg = 2, AddrArg = 3;

    public static void Register(DecoderTable d)
    {
        d[Sys.quotactl] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            Command(c.Out, (uint)c.Arg(0));
            Args.Path(ref c, 1);
            Entry(ref c, (uint)c.Arg(0) >> 8);
        }, (ref DecodeContext c) => Exit(ref c, (uint)c.Arg(0) >> 8), exitArgs: false);
        d[Sys.quotactl_fd] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            Command(c.Out, (uint)c.Arg(1));
            Entry(ref c, (uint)c.Arg(1) >> 8);
        }, (ref DecodeContext c) => Exit(ref c, (uint)c.Arg(1) >> 8), exitArgs: false);
    }

    /// <summary>QCMD(cmd, type): the command in the upper bits, the quota type in the low byte;
    /// one constant, so -X verbose comments the whole.</summary>
    private static void Command(ArgWriter w, uint cmd)
    {
        var mark = w.BeginConst();
        w.Raw("QCMD("u8);
        QuotaCommands.Print(w, cmd >> 8);
        w.Raw(", "u8);
        QuotaTypes.Print(w, cmd & 0xff);
        w.Raw((byte)')');
        w.EndConst(mark, cmd, NumberBase.Unsigned);
    }

    private static bool HasNoId(uint command) => command is Q_SYNC or Q_QUOTAOFF or Q_XQUOTASYNC or Q_GETFMT or Q_GETINFO
        or Q_SETINFO or Q_XQUOTAON or Q_XQUOTAOFF or Q_XGETQSTAT or Q_XQUOTARM or Q_XGETQSTATV;

    private static bool GetsAtExit(uint command) => command is Q_GETFMT or Q_GETINFO or Q_XGETQSTAT or Q_XGETQSTATV
        or Q_GETQUOTA or Q_GETNEXTQUOTA or Q_XGETQUOTA or Q_XGETNEXTQUOTA;

    private static void Entry(ref DecodeContext c, uint command)
    {
        if (command is Q_SYNC or Q_QUOTAOFF or Q_XQUOTASYNC) return;
        if (command == Q_QUOTAON)
        {
            c.Out.Sep();
            QuotaFormats.PrintInt(c.Out, c.Arg(IdArg));
            Args.Path(ref c, AddrArg);
            return;
        }
        if (!HasNoId(command)) Args.Id(ref c, IdArg);
        if (GetsAtExit(command)) { c.Out.SepAhead(); return; }
        c.Out.Sep();
        Structure(ref c, command, c.Arg(AddrArg));
    }

    private static void Exit(ref DecodeContext c, uint command)
    {
        if (!GetsAtExit(command)) return;
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(AddrArg)); else Structure(ref c, command, c.Arg(AddrArg));
    }

    private static void Structure(ref DecodeContext c, uint command, ulong addr)
    {
        var w = c.Out;
        switch (command)
        {
            case Q_GETQUOTA or Q_SETQUOTA:
                if (!Printers.TryRead(ref c, addr, out IfDqblk b)) break;
                Quota(ref c, b, null);
                return;
            case Q_GETNEXTQUOTA:
                if (!Printers.TryRead(ref c, addr, out IfNextDqblk n)) break;
                Quota(ref c, Unsafe.As<IfNextDqblk, IfDqblk>(ref n), n.Id);
                return;
            case Q_GETINFO or Q_SETINFO:
                if (!Printers.TryRead(ref c, addr, out IfDqinfo i)) break;
                w.BeginStruct().Field("dqi_bgrace"u8).UInt(i.BlockGrace).Field("dqi_igrace"u8).UInt(i.InodeGrace).Field("dqi_flags"u8);
                QuotaInfoFlags.Print(w, i.Flags);
                QuotaInfoValid.Print(w.Field("dqi_valid"u8), i.Valid);
                w.EndStruct();
                return;
            case Q_GETFMT or Q_XQUOTAON or Q_XQUOTAOFF or Q_XQUOTARM:
                if (!Printers.TryRead(ref c, addr, out uint word)) break;
                w.BeginArray().Element();
                if (command == Q_GETFMT) QuotaFormats.Print(w, word);
                else (command == Q_XQUOTARM ? XfsQuotaTypes : XfsQuotaFlags).Print(w, word);
                w.EndArray();
                return;
            case Q_XGETQUOTA or Q_XSETQLIM or Q_XGETNEXTQUOTA:
                if (!Printers.TryRead(ref c, addr, out FsDiskQuota x)) break;
                XfsQuota(ref c, x);
                return;
            case Q_XGETQSTAT:
                if (!Printers.TryRead(ref c, addr, out FsQuotaStat s)) break;
                w.BeginStruct().Field("qs_version"u8).Int(s.Version);
                if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
                XfsQuotaFlags.Print(w.Field("qs_flags"u8), s.Flags);
                QuotaFile(w, "qs_uquota"u8, s.UserQuota.Inode, s.UserQuota.Blocks, s.UserQuota.Extents);
                QuotaFile(w, "qs_gquota"u8, s.GroupQuota.Inode, s.GroupQuota.Blocks, s.GroupQuota.Extents);
                w.Field("qs_incoredqs"u8).UInt(s.InCore);
                Limits(w, s.BlockTimeLimit, s.InodeTimeLimit, s.RealtimeTimeLimit, s.BlockWarnLimit, s.InodeWarnLimit);
                return;
            case Q_XGETQSTATV:
                if (!Printers.TryRead(ref c, addr, out FsQuotaStatv v)) break;
                w.BeginStruct().Field("qs_version"u8).Int(v.Version);
                if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
                XfsQuotaFlags.Print(w.Field("qs_flags"u8), v.Flags);
                w.Field("qs_incoredqs"u8).UInt(v.InCore);
                QuotaFile(w, "qs_uquota"u8, v.UserQuota.Inode, v.UserQuota.Blocks, v.UserQuota.Extents);
                QuotaFile(w, "qs_gquota"u8, v.GroupQuota.Inode, v.GroupQuota.Blocks, v.GroupQuota.Extents);
                QuotaFile(w, "qs_pquota"u8, v.ProjectQuota.Inode, v.ProjectQuota.Blocks, v.ProjectQuota.Extents);
                Limits(w, v.BlockTimeLimit, v.InodeTimeLimit, v.RealtimeTimeLimit, v.BlockWarnLimit, v.InodeWarnLimit);
                return;
        }
        w.Ptr(addr);
    }

    /// <summary>if_dqblk (and if_nextdqblk's id): the limits and usage, then with -v the grace
    /// times and the valid fields.</summary>
    private static void Quota(ref DecodeContext c, in IfDqblk b, uint? id)
    {
        var w = c.Out;
        w.BeginStruct().Field("dqb_bhardlimit"u8).UInt(b.BlockHardLimit).Field("dqb_bsoftlimit"u8).UInt(b.BlockSoftLimit)
            .Field("dqb_curspace"u8).UInt(b.CurrentSpace).Field("dqb_ihardlimit"u8).UInt(b.InodeHardLimit)
            .Field("dqb_isoftlimit"u8).UInt(b.InodeSoftLimit).Field("dqb_curinodes"u8).UInt(b.CurrentInodes);
        if (c.Unabbreviated)
        {
            w.Field("dqb_btime"u8).UInt(b.BlockTime).Field("dqb_itime"u8).UInt(b.InodeTime);
            QuotaBlockValid.Print(w.Field("dqb_valid"u8), b.Valid);
        }
        if (id is uint n) w.Field("dqb_id"u8).UInt(n);
        w.EndStruct(abbreviated: !c.Unabbreviated);
    }

    private static void XfsQuota(ref DecodeContext c, in FsDiskQuota x)
    {
        var w = c.Out;
        w.BeginStruct().Field("d_version"u8).Int(x.Version);
        XfsQuotaTypes.Print(w.Field("d_flags"u8), (byte)x.Flags);
        w.Field("d_fieldmask"u8).Hex(x.FieldMask).Field("d_id"u8).UInt(x.Id)
            .Field("d_blk_hardlimit"u8).UInt(x.BlockHardLimit).Field("d_blk_softlimit"u8).UInt(x.BlockSoftLimit)
            .Field("d_ino_hardlimit"u8).UInt(x.InodeHardLimit).Field("d_ino_softlimit"u8).UInt(x.InodeSoftLimit)
            .Field("d_bcount"u8).UInt(x.BlockCount).Field("d_icount"u8).UInt(x.InodeCount);
        if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
        w.Field("d_itimer"u8).Int(x.InodeTimer).Field("d_btimer"u8).Int(x.BlockTimer)
            .Field("d_iwarns"u8).UInt(x.InodeWarnings).Field("d_bwarns"u8).UInt(x.BlockWarnings)
            .Field("d_rtb_hardlimit"u8).UInt(x.RealtimeHardLimit).Field("d_rtb_softlimit"u8).UInt(x.RealtimeSoftLimit)
            .Field("d_rtbcount"u8).UInt(x.RealtimeCount).Field("d_rtbtimer"u8).Int(x.RealtimeTimer)
            .Field("d_rtbwarns"u8).UInt(x.RealtimeWarnings).EndStruct();
    }

    private static void QuotaFile(ArgWriter w, ReadOnlySpan<byte> name, ulong inode, ulong blocks, uint extents) =>
        w.Field(name).BeginStruct().Field("qfs_ino"u8).UInt(inode).Field("qfs_nblks"u8).UInt(blocks)
            .Field("qfs_nextents"u8).UInt(extents).EndStruct();

    private static void Limits(ArgWriter w, int blockTime, int inodeTime, int realtimeTime, ushort blockWarn, ushort inodeWarn) =>
        w.Field("qs_btimelimit"u8).Int(blockTime).Field("qs_itimelimit"u8).Int(inodeTime).Field("qs_rtbtimelimit"u8).Int(realtimeTime)
            .Field("qs_bwarnlimit"u8).UInt(blockWarn).Field("qs_iwarnlimit"u8).UInt(inodeWarn).EndStruct();
}
