using System.Net;
using System.Text;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Output;
using Syscope.Syscalls;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>-yy and --decode-fds against a fake descriptor source: each expected line is strace
/// 6.1's output for the same descriptor (tests/Syscope.Tests/Differential/Programs/fds.c).</summary>
public class FdDecodingTests
{
    private const int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
    private static readonly DecodeOptions YY = new() { FdPaths = FdDecoding.All };

    private static string Fcntl(int fd, FakeSockets fds, DecodeOptions? o = null, long ret = 0) =>
        Of("fcntl", [(ulong)fd, 1], ret, options: o ?? YY, fds: fds);

    [Fact]
    public void Tcp_listening_connected_and_unlisted()
    {
        var fds = new FakeSockets()
            .Inet(12, 1376968, "TCP", AF_INET, "127.0.0.1", 59343, "0.0.0.0", 0)
            .Inet(13, 1376970, "TCP", AF_INET, "127.0.0.1", 57634, "127.0.0.1", 59343)
            .Inet(22, 1377000, "TCP", AF_INET, "0.0.0.0", 35979, "0.0.0.0", 0)
            .Socket(18, 1376988, "TCP");
        Assert.Equal("fcntl(12<TCP:[127.0.0.1:59343]>, F_GETFD) = 0", Fcntl(12, fds));
        Assert.Equal("fcntl(13<TCP:[127.0.0.1:57634->127.0.0.1:59343]>, F_GETFD) = 0", Fcntl(13, fds));
        Assert.Equal("fcntl(22<TCP:[0.0.0.0:35979]>, F_GETFD) = 0", Fcntl(22, fds));
        Assert.Equal("fcntl(18<TCP:[1376988]>, F_GETFD) = 0", Fcntl(18, fds));
    }

    [Fact]
    public void Ipv6_addresses_are_bracketed()
    {
        var fds = new FakeSockets()
            .Inet(16, 1376980, "TCPv6", AF_INET6, "::1", 53606, "::1", 55195)
            .Inet(15, 1376979, "TCPv6", AF_INET6, "::1", 55195, "::", 0)
            .Socket(21, 1376998, "UDPv6");
        Assert.Equal("fcntl(16<TCPv6:[[::1]:53606->[::1]:55195]>, F_GETFD) = 0", Fcntl(16, fds));
        Assert.Equal("fcntl(15<TCPv6:[[::1]:55195]>, F_GETFD) = 0", Fcntl(15, fds));
        Assert.Equal("fcntl(21<UDPv6:[1376998]>, F_GETFD) = 0", Fcntl(21, fds));
    }

    [Fact]
    public void Udp_and_raw()
    {
        var fds = new FakeSockets()
            .Inet(19, 1376990, "UDP", AF_INET, "127.0.0.1", 54944, "127.0.0.1", 44943)
            .Socket(23, 1377004, "RAW");
        Assert.Equal("fcntl(19<UDP:[127.0.0.1:54944->127.0.0.1:44943]>, F_GETFD) = 0", Fcntl(19, fds));
        Assert.Equal("fcntl(23<RAW:[1377004]>, F_GETFD) = 0", Fcntl(23, fds));
    }

    [Fact]
    public void Unix_peers_paths_and_abstract_names()
    {
        var fds = new FakeSockets()
            .Unix(24, 1377007, "UNIX-STREAM", 1377008, "")
            .Unix(27, 1377014, "UNIX", 1377013, "")
            .Unix(30, 1377021, "UNIX-STREAM", 0, "fds.sock\0\0")
            .Unix(32, 1377026, "UNIX-STREAM", 1377025, "fds.sock")
            .Unix(33, 1377031, "UNIX", 0, "\0fds\"abs\n")
            .Unix(12, 1321919, "UNIX-STREAM", 0, "\0x\n\u0001y\0z")
            .Unix(14, 1321924, "UNIX", 0, "/tmp/fds-h1/\u00c3\u00a9\u0001")
            .Unix(31, 1377040, "UNIX-STREAM", 0, "");
        Assert.Equal("fcntl(24<UNIX-STREAM:[1377007->1377008]>, F_GETFD) = 0", Fcntl(24, fds));
        Assert.Equal("fcntl(27<UNIX:[1377014->1377013]>, F_GETFD) = 0", Fcntl(27, fds));
        Assert.Equal("fcntl(30<UNIX-STREAM:[1377021,\"fds.sock\"]>, F_GETFD) = 0", Fcntl(30, fds));
        Assert.Equal("fcntl(32<UNIX-STREAM:[1377026->1377025,\"fds.sock\"]>, F_GETFD) = 0", Fcntl(32, fds));
        Assert.Equal("fcntl(33<UNIX:[1377031,@\"fds\\\"abs\\n\"]>, F_GETFD) = 0", Fcntl(33, fds));
        Assert.Equal("fcntl(12<UNIX-STREAM:[1321919,@\"x\\n\\1y\"]>, F_GETFD) = 0", Fcntl(12, fds));
        Assert.Equal("fcntl(14<UNIX:[1321924,\"/tmp/fds-h1/\\303\\251\\1\"]>, F_GETFD) = 0", Fcntl(14, fds));
        // Neither peer nor name: strace prints the protocol and inode.
        Assert.Equal("fcntl(31<UNIX-STREAM:[1377040]>, F_GETFD) = 0", Fcntl(31, fds));
        var x = new DecodeOptions { FdPaths = FdDecoding.All, HexStrings = 1 };
        Assert.Equal("fcntl(12<UNIX-STREAM:[1321919,@\"\\x78\\x0a\\x01\\x79\"]>, F_GETFD) = 0", Fcntl(12, fds, x));
    }

    [Fact]
    public void Netlink_protocol_and_port_id()
    {
        var fds = new FakeSockets()
            .Netlink(35, 1377037, 0, 22110)
            .Netlink(36, 1377041, 16, 22110)
            .Netlink(38, 1377050, 25, 7)
            .Socket(37, 1377044, "NETLINK");
        Assert.Equal("fcntl(35<NETLINK:[ROUTE:22110]>, F_GETFD) = 0", Fcntl(35, fds));
        Assert.Equal("fcntl(36<NETLINK:[GENERIC:22110]>, F_GETFD) = 0", Fcntl(36, fds));
        Assert.Equal("fcntl(38<NETLINK:[25]>, F_GETFD) = 0", Fcntl(38, fds));
        Assert.Equal("fcntl(37<NETLINK:[1377044]>, F_GETFD) = 0", Fcntl(37, fds));
    }

    [Fact]
    public void Unknown_protocols_print_their_proc_target_even_with_xx()
    {
        var fds = new FakeSockets().Socket(34, 1320644, "PACKET").Socket(36, 1320647, "UDP-Lite");
        Assert.Equal("fcntl(34<socket:[1320644]>, F_GETFD) = 0", Fcntl(34, fds));
        Assert.Equal("fcntl(36<socket:[1320647]>, F_GETFD) = 0", Fcntl(36, fds));
        var xx = new DecodeOptions { FdPaths = FdDecoding.All, HexStrings = 2 };
        Assert.Equal("fcntl(34<socket:[1320644]>, F_GETFD) = 0", Fcntl(34, fds, xx));
        var socketOnly = new DecodeOptions { FdPaths = FdDecoding.Socket };
        Assert.Equal("fcntl(34<socket:[1320644]>, F_GETFD) = 0", Fcntl(34, fds, socketOnly));
    }

    [Fact]
    public void Devices_pidfds_and_paths()
    {
        var fds = new FakeSockets()
            .Device(3, "/dev/null", DeviceNumber.Char, 1, 3)
            .Device(5, "/dev/loop0", DeviceNumber.Block, 7, 0)
            .Path(6, "/etc/hostname").Path(8, "pipe:[1376962]")
            .Pidfd(11, 22110).Pidfd(12, -1);
        Assert.Equal("fcntl(3</dev/null<char 1:3>>, F_GETFD) = 0", Fcntl(3, fds));
        Assert.Equal("fcntl(5</dev/loop0<block 7:0>>, F_GETFD) = 0", Fcntl(5, fds));
        Assert.Equal("fcntl(6</etc/hostname>, F_GETFD) = 0", Fcntl(6, fds));
        Assert.Equal("fcntl(8<pipe:[1376962]>, F_GETFD) = 0", Fcntl(8, fds));
        Assert.Equal("fcntl(11<pid:22110>, F_GETFD) = 0x1 (flags FD_CLOEXEC)", Fcntl(11, fds, ret: 1));
        Assert.Equal("fcntl(12<anon_inode:[pidfd]>, F_GETFD) = 0x1 (flags FD_CLOEXEC)", Fcntl(12, fds, ret: 1));
    }

    [Fact]
    public void Each_decode_fds_member_prints_only_its_kind()
    {
        var fds = new FakeSockets()
            .Device(3, "/dev/null", DeviceNumber.Char, 1, 3).Path(4, "/etc/issue")
            .Pidfd(5, 8573).Pidfd(6, -1)
            .Unix(7, 1322937, "UNIX-STREAM", 1322938, "");
        string Line(int fd, FdDecoding set) => Fcntl(fd, fds, new DecodeOptions { FdPaths = set });
        Assert.Equal("fcntl(3</dev/null<char 1:3>>, F_GETFD) = 0", Line(3, FdDecoding.Dev));
        Assert.Equal("fcntl(4, F_GETFD) = 0", Line(4, FdDecoding.Dev));
        Assert.Equal("fcntl(3</dev/null>, F_GETFD) = 0", Line(3, FdDecoding.Path));
        Assert.Equal("fcntl(3, F_GETFD) = 0", Line(3, FdDecoding.Socket));
        Assert.Equal("fcntl(5<pid:8573>, F_GETFD) = 0", Line(5, FdDecoding.Pidfd));
        Assert.Equal("fcntl(5<anon_inode:[pidfd]>, F_GETFD) = 0", Line(5, FdDecoding.Path));
        // A pidfd whose process is gone prints its target even when paths were not asked for.
        Assert.Equal("fcntl(6<anon_inode:[pidfd]>, F_GETFD) = 0", Line(6, FdDecoding.Pidfd));
        Assert.Equal("fcntl(7<socket:[1322937]>, F_GETFD) = 0", Line(7, FdDecoding.Path | FdDecoding.Dev));
        Assert.Equal("fcntl(7<UNIX-STREAM:[1322937->1322938]>, F_GETFD) = 0", Line(7, FdDecoding.Socket));
        Assert.Equal("fcntl(7, F_GETFD) = 0", Line(7, FdDecoding.None));
    }

    [Fact]
    public void Returned_descriptors_are_described_too()
    {
        var fds = new FakeSockets()
            .Inet(7, 1321359, "TCP", AF_INET, "127.0.0.1", 55955, "0.0.0.0", 0)
            .Inet(9, 1321366, "TCP", AF_INET, "127.0.0.1", 55955, "127.0.0.1", 57544);
        Assert.Equal("accept(7<TCP:[127.0.0.1:55955]>, NULL, NULL) = 9<TCP:[127.0.0.1:55955->127.0.0.1:57544]>",
            Of("accept", [7, 0, 0], 9, options: YY, fds: fds));
        fds.Pidfd(11, 22110);
        Assert.Equal("pidfd_open(22110, 0) = 11<pid:22110>", Of("pidfd_open", [22110, 0], 11, options: YY, fds: fds));
        Assert.Equal("pidfd_open(22110, PIDFD_NONBLOCK) = 11", Of("pidfd_open", [22110, 0x800], 11, fds: fds));
        Assert.Equal("pidfd_open(22110, 0x1000 /* PIDFD_??? */) = -1 EINVAL (Invalid argument)", Of("pidfd_open", [22110, 0x1000], -22, fds: fds));
    }

    /// <summary>strace keeps the first details it found for an inode: a UDP socket bound, then
    /// connected, still prints its bound form; details not found are looked up again.</summary>
    [Fact]
    public void First_details_found_stick_for_the_run()
    {
        var fds = new FakeSockets().Socket(20, 1376996, "UDP");
        var lines = TwoCalls(fds, 20, () => fds.Inet(20, 1376996, "UDP", AF_INET, "127.0.0.1", 52097, "0.0.0.0", 0),
            () => fds.Inet(20, 1376996, "UDP", AF_INET, "127.0.0.1", 52097, "127.0.0.1", 44943));
        Assert.Equal(["fcntl(20<UDP:[1376996]>, F_GETFD) = 0", "fcntl(20<UDP:[127.0.0.1:52097]>, F_GETFD) = 0",
            "fcntl(20<UDP:[127.0.0.1:52097]>, F_GETFD) = 0"], lines);
    }

    /// <summary>Three fcntl(fd, F_GETFD) calls on one formatter, changing the source between them.</summary>
    private static string[] TwoCalls(IFdPaths fds, int fd, Action before2, Action before3)
    {
        var info = SyscallTable.ByName("fcntl")!;
        var ms = new MemoryStream();
        using (var output = new TraceOutput(ms, false))
        {
            var f = new TextTrace(output, new StraceOptions { Decode = YY }, fds);
            f.Start(100);
            var memory = new FakeMemory();
            for (int i = 0; i < 3; i++)
            {
                if (i == 1) before2();
                if (i == 2) before3();
                var e = new TraceEvent { Kind = TraceEventKind.SyscallEntry, Tid = 100, SyscallNumber = info.Number, InterruptedSyscall = -1 };
                e.Args[0] = (ulong)fd;
                e.Args[1] = 1;
                f.OnEvent(ref e, memory);
                e.Kind = TraceEventKind.SyscallExit;
                e.HasReturn = true;
                f.OnEvent(ref e, memory);
            }
            f.Complete();
        }
        return Array.ConvertAll(Encoding.UTF8.GetString(ms.ToArray()).TrimEnd('\n').Split('\n'),
            l => System.Text.RegularExpressions.Regex.Replace(l, @"\) +=", ") ="));
    }
}

/// <summary>A descriptor table with sockets, devices and pidfds, answering as /proc and sock_diag would.</summary>
internal sealed class FakeSockets : IFdPaths
{
    private readonly Dictionary<int, string> _paths = new();
    private readonly Dictionary<int, string> _protocols = new();
    private readonly Dictionary<ulong, (SocketFacts Facts, byte[] Name)> _sockets = new();
    private readonly Dictionary<string, DeviceNumber> _devices = new();
    private readonly Dictionary<int, int> _pidfds = new();

    public FakeSockets Path(int fd, string target) { _paths[fd] = target; return this; }

    public FakeSockets Socket(int fd, ulong inode, string protocol)
    {
        _paths[fd] = $"socket:[{inode}]";
        _protocols[fd] = protocol;
        return this;
    }

    public FakeSockets Inet(int fd, ulong inode, string protocol, int family, string src, ushort sport, string dst, ushort dport)
    {
        var f = new SocketFacts { Family = family, SourcePort = sport, DestinationPort = dport };
        IPAddress.Parse(src).GetAddressBytes().CopyTo(f.Source);
        IPAddress.Parse(dst).GetAddressBytes().CopyTo(f.Destination);
        _sockets[inode] = (f, []);
        return Socket(fd, inode, protocol);
    }

    /// <summary>name: the kernel's bytes, one char each (Latin-1), NULs included.</summary>
    public FakeSockets Unix(int fd, ulong inode, string protocol, uint peer, string name)
    {
        var bytes = Encoding.Latin1.GetBytes(name);
        _sockets[inode] = (new SocketFacts { Family = 1, UnixPeer = peer, NameLength = bytes.Length }, bytes);
        return Socket(fd, inode, protocol);
    }

    public FakeSockets Netlink(int fd, ulong inode, int protocol, uint portId)
    {
        _sockets[inode] = (new SocketFacts { Family = 16, NetlinkProtocol = protocol, PortId = portId }, []);
        return Socket(fd, inode, "NETLINK");
    }

    public FakeSockets Device(int fd, string path, byte kind, uint major, uint minor)
    {
        _devices[path] = new DeviceNumber(kind, major, minor);
        return Path(fd, path);
    }

    public FakeSockets Pidfd(int fd, int pid)
    {
        _pidfds[fd] = pid;
        return Path(fd, "anon_inode:[pidfd]");
    }

    public int PathOf(int pid, int fd, Span<byte> destination) =>
        _paths.TryGetValue(fd, out var t) ? Encoding.UTF8.GetBytes(t, destination) : 0;

    public int SocketProtocolOf(int pid, int fd, Span<byte> destination) =>
        _protocols.TryGetValue(fd, out var p) ? Encoding.ASCII.GetBytes(p, destination) : 0;

    public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
    {
        facts = default;
        if (!_sockets.TryGetValue(inode, out var s)) return false;
        // sock_diag lists a socket only in its own family's tables.
        bool inet = s.Facts.Family is 2 or 10;
        if (inet ? family is not (2 or 10) : family != s.Facts.Family) return false;
        facts = s.Facts;
        s.Name.CopyTo(unixName);
        return true;
    }

    public DeviceNumber DeviceAt(ReadOnlySpan<byte> path) => _devices.GetValueOrDefault(Encoding.UTF8.GetString(path));

    public int PidOfPidfd(int pid, int fd) => _pidfds.GetValueOrDefault(fd, -1);
}
