using System.Net;
using Syscope.Inspection.Procfs;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>The /proc parsers on text captured from a live Debian 12 machine.</summary>
public class ProcfsParserTests
{
    private const string StatTail = " S 9245 9245 2875 0 -1 4194304 135 0 0 0 7 3 0 0 20 0 1 0 137515 2990080 387 18446744073709551615 94244958375936 94244958393865 140726003384720 0 0 0 0 6 0 1 0 0 17 0 0 0 0 0 0 94244958407952 94244958409216 94245769007104 140726003390739 140726003390756 140726003390756 140726003392489 0";

    [Theory]
    [InlineData("a)))b")]
    [InlineData("with space")]
    [InlineData(@"back\slash")]
    [InlineData("(x) S 1 (")]
    [InlineData(")")]
    public void Stat_takes_the_comm_up_to_the_last_parenthesis(string comm)
    {
        Assert.True(ProcStat.TryParse($"9295 ({comm}){StatTail}", out var s));
        Assert.Equal(new ProcStat(9295, comm, 'S', 9245, 7, 3, 1, 137515, 0, 9245, 2875, 0), s);
    }

    [Fact]
    public void Stat_rejects_truncated_text() => Assert.False(ProcStat.TryParse("9295 (sleep) S 1 2", out _));

    [Fact]
    public void Status_reads_name_state_ids_and_threads()
    {
        const string text = "Name:\tmy\\\\prog\\n\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t2875\nNgid:\t0\nPid:\t2875\nPPid:\t2874\nTracerPid:\t0\nUid:\t1000\t1001\t1000\t1000\nGid:\t50\t0\t0\t0\nThreads:\t3\n";
        Assert.True(ProcStatus.TryParse(text, out var s));
        Assert.Equal(new ProcStatus("my\\prog\n", 'S', 2875, 2874, 1000, 3, 1001, 50), s);
    }

    [Fact]
    public void FdInfo_reads_mode_and_epoll_targets()
    {
        const string text = "pos:\t0\nflags:\t02000002\nmnt_id:\t17\nino:\t26\ntfd:        4 events:       19 data:                4  pos:0 ino:a573 sdev:9\ntfd:        6 events:       1c data:     7fe500000006  pos:0 ino:a574 sdev:f\n";
        var info = FdInfo.Parse(text)!;
        Assert.Equal('u', info.Mode);
        Assert.Equal(26ul, info.Inode);
        Assert.Equal([new EpollTarget(4, 0x19), new EpollTarget(6, 0x1c)], info.EpollTargets);
        Assert.Equal('w', FdInfo.Parse("pos:\t12\nflags:\t0100001\n")!.Mode);
        Assert.Equal(12, FdInfo.Parse("pos:\t12\nflags:\t0100000\n")!.Position);
        Assert.Equal("1", FdInfo.Parse("pos:\t0\nflags:\t02000002\nmnt_id:\t17\nino:\t26\neventfd-count:                0\neventfd-id: 1\neventfd-semaphore: 0\n")!.AnonId);
        Assert.Equal("13096", FdInfo.Parse("pos:\t0\nflags:\t02000002\nmnt_id:\t4\nino:\t78010\nPid:\t13096\nNSpid:\t13096\n")!.AnonId);
    }

    [Fact]
    public void Tcp_table_decodes_little_endian_addresses_states_and_inodes()
    {
        const string text = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 56 1 00000000c733187c 100 0 0 10 0
               2: 0100007F:DEA7 0100007F:E738 01 00000000:00000000 00:00000000 00000000  1000        0 42357 1 00000000f19f6c2e 20 0 0 10 -1
            """;
        var rows = NetTable.ParseInet(text, InetProtocol.Tcp, v6: false);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new InetSocket(InetProtocol.Tcp, false, IPAddress.Any, 2024, IPAddress.Any, 0, 10, 0, 56), rows[0]);
        Assert.Equal("ESTABLISHED", rows[1].StateName);
        Assert.Equal(IPAddress.Loopback, rows[1].LocalAddress);
        Assert.Equal(0xDEA7, rows[1].LocalPort);
        Assert.Equal(0xE738, rows[1].RemotePort);
        Assert.Equal(1000u, rows[1].Uid);
    }

    [Fact]
    public void Tcp6_table_decodes_each_word_in_host_order()
    {
        const string text = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
            "   0: 00000000000000000000000001000000:BEBD 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 42361 1 00000000143c59fc 100 0 0 10 0\n";
        var row = Assert.Single(NetTable.ParseInet(text, InetProtocol.Tcp, v6: true));
        Assert.Equal(IPAddress.IPv6Loopback, row.LocalAddress);
        Assert.Equal(0xBEBD, row.LocalPort);
        Assert.Equal("LISTEN", row.StateName);
    }

    [Fact]
    public void Unix_table_ends_paths_where_lsof_does_and_knows_listeners()
    {
        // The kernel prints a path's bytes as they are: lsof ends it at a space or tab, and only
        // a newline ends the row ('\r', '\f' and U+2028 are part of a name).
        const string text = "Num       RefCount Protocol Flags    Type St Inode Path\n" +
            "00000000750e3dcf: 00000002 00000000 00010000 0001 01 41795 /tmp/cap/a sock\n" +
            "00000000a7596ccb: 00000003 00000000 00000000 0001 03    52\n" +
            "0000000046c97880: 00000002 00000000 00010000 0001 01 571764 sh\rx\f\u2028\u0085y\tz\n";
        var rows = NetTable.ParseUnix(text);
        Assert.Equal(new UnixSocket(0x750e3dcf, 0x10000, 1, 1, 41795, "/tmp/cap/a"), rows[0]);
        Assert.Equal("sh\rx\f\u2028\u0085y", rows[2].Path);
        Assert.Equal("LISTEN", rows[0].StateName);
        Assert.Equal("CONNECTED", rows[1].StateName);
        Assert.Null(rows[1].Path);
        Assert.Equal("STREAM", rows[1].TypeName);
    }

    [Fact]
    public void Netlink_table_names_protocols()
    {
        const string text = "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n" +
            "000000009c888bc4 0   0          00000000 0        0        0     2        0        4       \n" +
            "00000000f1ad7605 4   812        00000000 0        0        0     2        0        1504    \n";
        var rows = NetTable.ParseNetlink(text);
        Assert.Equal(new NetlinkSocket(0x9c888bc4, 0, 0, 4), rows[0]);
        Assert.Equal("SOCK_DIAG", rows[1].ProtocolName);
        Assert.Equal(812u, rows[1].PortId);
    }

    [Fact]
    public void Packet_table_names_ethernet_protocols_as_lsof_does()
    {
        const string text = "sk               RefCnt Type Proto  Iface R Rmem   User   Inode\n" +
            "0000000085843907 3      3    0003   0     1 0      0      634655\n" +
            "000000009b7f672c 3      2    0800   0     1 0      0      634656\n" +
            "00000000979981bd 3      2    1234   0     1 0      0      634657\n";
        var rows = NetTable.ParsePacket(text);
        Assert.Equal(["ALL type=SOCK_RAW", "IP type=SOCK_DGRAM", "4660 type=SOCK_DGRAM"], rows.Select(r => $"{r.ProtocolName} type={r.TypeName}"));
        Assert.Equal(634657ul, rows[2].Inode);
    }

    [Fact]
    public void Maps_keeps_file_mappings_with_awkward_names_and_marks_deleted_ones()
    {
        const string text = """
            55b71d43f000-55b71d441000 r--p 00000000 fe:00 11657623                   /tmp/cap/a)))b
            55b71ec91000-55b71ecb2000 rw-p 00000000 00:00 0                          [heap]
            7f0fe9b00000-7f0fe9b22000 r--p 00000000 fe:01 332096                     /usr/lib/with space/libc.so.6
            7f0fe9c00000-7f0fe9c01000 rw-s 00000000 00:01 1029                       /memfd:jit (deleted)
            """;
        var maps = Maps.Parse(text);
        Assert.Equal(3, maps.Count);
        Assert.Equal(new MappedFile(0x55b71d43f000, 0xfe, 0, 11657623, "/tmp/cap/a)))b"), maps[0]);
        Assert.Equal("/usr/lib/with space/libc.so.6", maps[1].Path);
        Assert.Equal(1u, maps[1].DevMinor);
        Assert.True(maps[2].Deleted);
    }

    [Fact]
    public void Maps_ends_a_line_only_at_a_newline_and_a_path_at_a_tab_as_lsof_does()
    {
        // A name with '\r' and U+2028 must not forge a mapping of /etc/shadow.
        const string text = "7f0fe9b00000-7f0fe9b22000 r--p 00000000 fe:01 332096 /tmp/x\r7f0-7f1 r--p 0 fe:01 9 /etc/shadow\u2028y\tz\n" +
            "7f0fe9c00000-7f0fe9c01000 r--p 00000000 fe:01 332097 /tmp/line\\012break\n";
        var maps = Maps.Parse(text);
        Assert.Equal(2, maps.Count);
        Assert.Equal("/tmp/x\r7f0-7f1 r--p 0 fe:01 9 /etc/shadow\u2028y", maps[0].Path);
        Assert.Equal("/tmp/line\\012break", maps[1].Path);
    }

    [Fact]
    public void Syscall_line_distinguishes_blocked_running_and_outside()
    {
        Assert.True(SyscallLine.TryParse("230 0x0 0x0 0x7ffd53713fa0 0x7ffd53713fe0 0x0 0x0 0x7ffd53713f88 0x7f0fe9c56503\n", out var blocked));
        Assert.True(blocked.InSyscall);
        Assert.Equal(230, blocked.Number);
        Assert.Equal(0x7ffd53713fa0ul, blocked.Args[2]);
        Assert.True(SyscallLine.TryParse("running\n", out var running));
        Assert.True(running.Running);
        Assert.True(SyscallLine.TryParse("-1 0x7ffd53713f88 0x7f0fe9c56503\n", out var outside));
        Assert.False(outside.InSyscall);
        Assert.False(outside.Running);
    }

    [Fact]
    public void Locks_give_lsof_letters_and_skip_waiters()
    {
        const string text = "1: POSIX  ADVISORY  WRITE 19080 fe:00:11658015 0 EOF\n" +
            "2: FLOCK  ADVISORY  READ 77 00:1f:42 0 EOF\n" +
            "3: POSIX  ADVISORY  WRITE 19080 fe:00:11657988 100 199\n" +
            "3: -> POSIX  ADVISORY  WRITE 555 fe:00:11657988 100 199\n";
        var locks = FileLock.Parse(text);
        Assert.Equal(3, locks.Count);
        Assert.Equal(new FileLock(19080, 0xfe, 0, 11658015, true, true) { Kind = "POSIX" }, locks[0]);
        Assert.Equal("FLOCK", locks[1].Kind);
        Assert.Equal(("the whole file", "bytes 100-199"), (locks[0].RangeText, locks[2].RangeText));
        Assert.Equal("WRw", new string(locks.Select(l => l.Letter).ToArray()));
        Assert.Equal('R', locks[1].Letter);
        Assert.Equal(0x1fu, locks[1].DevMinor);
    }

    [Fact]
    public void Pressure_reads_the_ten_second_averages()
    {
        Assert.True(Pressure.TryParse("some avg10=23.41 avg60=5.00 avg300=1.02 total=79678989\nfull avg10=12.50 avg60=0.00 avg300=0.00 total=5850742\n", out var p));
        Assert.Equal(new Pressure(23.41, 12.5), p);
        Assert.False(Pressure.TryParse("", out _));
    }

    [Fact]
    public void Sched_gives_the_last_time_on_cpu()
    {
        const string text = "sleep (4611, #threads: 1)\n-------------------------------------------------------------------\nse.exec_start                                :        744203.784835\nse.vruntime                                  :          5073.889545\n";
        Assert.Equal(744203.784835, SchedText.ExecStartMs(text));
        Assert.Null(SchedText.ExecStartMs("nothing"));
    }
}
