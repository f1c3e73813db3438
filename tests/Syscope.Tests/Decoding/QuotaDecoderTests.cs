using Syscope.Decoding;
using Syscope.Kernel.Abi;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>quotactl's structures; expected lines are strace 6.1's (its quotactl, quotactl-v,
/// quotactl-xfs and quotactl-success tests).</summary>
public class QuotaDecoderTests
{
    private static readonly DecodeOptions V = new() { Verbose = true };
    private static readonly DecodeOptions Raw = new() { ConstStyle = ConstStyle.Raw };
    private const long ENOENT = -2;

    [Fact]
    public void Set_commands_print_what_they_give_at_entry()
    {
        var m = new FakeMemory();
        ulong dev = m.Str("/dev/bogus/");
        ulong blk = m.Struct(new IfDqblk { BlockHardLimit = 1, BlockSoftLimit = 2, CurrentSpace = 3, InodeHardLimit = 4, InodeSoftLimit = 5, CurrentInodes = 6, BlockTime = 7, InodeTime = 8, Valid = 0xc3c2c1c0 });
        Assert.Equal("quotactl(QCMD(Q_SETQUOTA, PRJQUOTA), \"/dev/bogus/\", 3141592653, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, "
            + "dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, ...}) = -1 ENOENT (No such file or directory)",
            Of("quotactl", [0x80000802, dev, 3141592653, blk], ENOENT, m));
        Assert.Equal("quotactl(QCMD(Q_SETQUOTA, PRJQUOTA), \"/dev/bogus/\", 3141592653, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, "
            + "dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, dqb_btime=7, dqb_itime=8, dqb_valid=0xc3c2c1c0 /* QIF_??? */}) = -1 ENOENT (No such file or directory)",
            Of("quotactl", [0x80000802, dev, 3141592653, blk], ENOENT, m, V));
        ulong info = m.Struct(new IfDqinfo { BlockGrace = 9, InodeGrace = 10, Flags = 0xdeadabcd, Valid = 0x97969594 });
        Assert.Equal("quotactl(QCMD(Q_SETINFO, USRQUOTA), \"/dev/bogus/\", {dqi_bgrace=9, dqi_igrace=10, dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE|0xdeacabcc, "
            + "dqi_valid=IIF_FLAGS|0x97969590}) = -1 ENOENT (No such file or directory)", Of("quotactl", [0x80000600, dev, 0, info], ENOENT, m));
        Assert.Equal("quotactl(2147485184, \"/dev/bogus/\", {dqi_bgrace=9, dqi_igrace=10, dqi_flags=0xdeadabcd, dqi_valid=0x97969594}) = -1 ENOENT (No such file or directory)",
            Of("quotactl", [0x80000600, dev, 0, info], ENOENT, m, Raw));
        ulong flags = m.Ints(unchecked((int)0xdeadbeef));
        Assert.Equal("quotactl(QCMD(Q_XQUOTAON, USRQUOTA), \"/dev/bogus/\", [FS_QUOTA_UDQ_ACCT|FS_QUOTA_UDQ_ENFD|FS_QUOTA_GDQ_ACCT|FS_QUOTA_GDQ_ENFD"
            + "|FS_QUOTA_PDQ_ENFD|0xdeadbec0]) = -1 ENOENT (No such file or directory)", Of("quotactl", [0x580100, dev, 0, flags], ENOENT, m));
        Assert.Equal("quotactl(QCMD(Q_XQUOTARM, GRPQUOTA), NULL, [FS_USER_QUOTA|FS_PROJ_QUOTA|FS_GROUP_QUOTA|0xdeadbee8]) = -1 ENODEV (No such device)",
            Of("quotactl", [0x580601, 0, 0, flags], -19, m));
    }

    [Fact]
    public void Get_commands_print_what_the_kernel_wrote_at_exit()
    {
        var m = new FakeMemory();
        ulong dev = m.Str("/dev/sda1");
        ulong next = m.Struct(new IfNextDqblk { BlockHardLimit = ulong.MaxValue, Valid = 0x3f, Id = 1000 });
        Assert.Equal("quotactl(QCMD(Q_GETNEXTQUOTA, USRQUOTA), \"/dev/sda1\", 0, {dqb_bhardlimit=18446744073709551615, dqb_bsoftlimit=0, dqb_curspace=0, "
            + "dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=0, dqb_id=1000, ...}) = 0", Of("quotactl", [0x80000900, dev, 0, next], 0, m));
        Assert.Equal($"quotactl(QCMD(Q_GETNEXTQUOTA, USRQUOTA), \"/dev/sda1\", 0, 0x{next:x}) = -1 ENOENT (No such file or directory)",
            Of("quotactl", [0x80000900, dev, 0, next], ENOENT, m));
        Assert.Equal("quotactl(QCMD(Q_GETFMT, GRPQUOTA), \"/dev/sda1\", [QFMT_VFS_OLD]) = 0", Of("quotactl", [0x80000401, dev, 0, m.Ints(1)], 0, m));
        var x = new FsDiskQuota { Version = -114, Flags = unchecked((sbyte)0x8f), FieldMask = 0x9190, Id = 7, InodeTimer = -9, RealtimeWarnings = 3 };
        ulong xdq = m.Struct(x);
        Assert.Equal("quotactl(QCMD(Q_XGETQUOTA, GRPQUOTA), NULL, -1, {d_version=-114, d_flags=FS_USER_QUOTA|FS_PROJ_QUOTA|FS_GROUP_QUOTA|0x88, "
            + "d_fieldmask=0x9190, d_id=7, d_blk_hardlimit=0, d_blk_softlimit=0, d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=0, d_icount=0, "
            + "d_itimer=-9, d_btimer=0, d_iwarns=0, d_bwarns=0, d_rtb_hardlimit=0, d_rtb_softlimit=0, d_rtbcount=0, d_rtbtimer=0, d_rtbwarns=3}) = 0",
            Of("quotactl", [0x580301, 0, uint.MaxValue, xdq], 0, m, V));
        ulong stat = m.Struct(new FsQuotaStatv { Version = 1, Flags = 0x5, InCore = 2, ProjectQuota = new FsQfilestatv { Inode = 131, Blocks = 8, Extents = 1 } });
        Assert.Equal("quotactl(QCMD(Q_XGETQSTATV, PRJQUOTA), \"/dev/sda1\", {qs_version=1, ...}) = 0", Of("quotactl", [0x580802, dev, 0, stat], 0, m));
        Assert.Equal("quotactl(QCMD(Q_XGETQSTATV, PRJQUOTA), \"/dev/sda1\", {qs_version=1, qs_flags=FS_QUOTA_UDQ_ACCT|FS_QUOTA_GDQ_ACCT, qs_incoredqs=2, "
            + "qs_uquota={qfs_ino=0, qfs_nblks=0, qfs_nextents=0}, qs_gquota={qfs_ino=0, qfs_nblks=0, qfs_nextents=0}, "
            + "qs_pquota={qfs_ino=131, qfs_nblks=8, qfs_nextents=1}, qs_btimelimit=0, qs_itimelimit=0, qs_rtbtimelimit=0, qs_bwarnlimit=0, qs_iwarnlimit=0}) = 0",
            Of("quotactl", [0x580802, dev, 0, stat], 0, m, V));
    }
}
