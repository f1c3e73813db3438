using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Output;
using Syscope.Syscalls;
using Xunit;

namespace Syscope.Tests.Decoding;

/// <summary>Every decoder in the table, fed random arguments, return values and memory: none may
/// throw, and the output must be printable ASCII, whatever the tracee put in its memory.</summary>
public class FuzzTests
{
    /// <summary>Memory that reads as deterministic noise in a few windows (so pointers into them
    /// resolve), with frequent zero words (so strings and arrays end), sometimes cut short.</summary>
    private sealed class NoiseMemory(int seed) : ITraceeMemory
    {
        public const ulong Base = 0x7f00_0000_0000, Size = 1 << 20;

        public int Read(ulong address, Span<byte> destination)
        {
            if (address < Base || address >= Base + Size) return 0;
            int n = (int)Math.Min((ulong)destination.Length, Base + Size - address);
            if (((address >> 12) + (ulong)seed) % 7 == 0) n = Math.Min(n, (int)(4096 - (address & 4095)));
            for (int i = 0; i < n; i++)
            {
                ulong a = address + (ulong)i;
                ulong h = Hash(a >> 3 ^ (ulong)seed);
                destination[i] = (h & 7) == 0 ? (byte)0 : (h & 0x30) == 0 ? (byte)((Base + (h % Size)) >> (int)(8 * (a & 7))) : (byte)(h >> (int)(8 + (a & 7)));
            }
            return n;
        }

        private static ulong Hash(ulong x)
        {
            x ^= x >> 33; x *= 0xff51afd7ed558ccd; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53; x ^= x >> 33;
            return x;
        }
    }

    private static ulong RandomArg(Random r) => r.Next(8) switch
    {
        0 => 0,
        1 => (ulong)r.Next(-200, 200),
        2 => NoiseMemory.Base + (ulong)r.NextInt64((long)NoiseMemory.Size),
        3 => ulong.MaxValue,
        4 => (ulong)r.NextInt64(),
        5 => (ulong)r.Next(0, 0x10000),
        6 => unchecked((ulong)-100),
        _ => (ulong)r.Next(1, 1 << 20),
    };

    [Fact]
    public void Random_arguments_and_memory_never_throw_and_print_only_ascii()
    {
        var r = new Random(20261126);
        var ms = new MemoryStream();
        var output = new TraceOutput(ms, false);
        foreach (var options in new[] { new DecodeOptions(), new DecodeOptions { Verbose = true, HexStrings = 1, StringLimit = 64 } })
        {
            var f = new TextTrace(output, new StraceOptions { Decode = options });
            f.Start(1);
            foreach (var info in SyscallTable.All)
            {
                for (int iter = 0; iter < 60; iter++)
                {
                    var mem = new NoiseMemory(r.Next());
                    var e = new TraceEvent { Kind = TraceEventKind.SyscallEntry, Tid = 1, SyscallNumber = info.Number, InterruptedSyscall = -1 };
                    for (int i = 0; i < 6; i++) e.Args[i] = RandomArg(r);
                    e.StackPointer = RandomArg(r);
                    f.OnEvent(ref e, mem);
                    e.Kind = TraceEventKind.SyscallExit;
                    e.ReturnValue = r.Next(3) == 0 ? -r.Next(1, 140) : r.Next(4) == 0 ? (long)RandomArg(r) : r.Next(0, 4096);
                    e.HasReturn = true;
                    f.OnEvent(ref e, mem);
                }
                f.Complete();
                foreach (byte b in ms.GetBuffer().AsSpan(0, (int)ms.Length))
                    Assert.True(b == '\n' || (b >= 0x20 && b < 0x7f), $"{info.Name}: byte 0x{b:x2} in output");
                ms.SetLength(0);
            }
        }
    }

    /// <summary>Descriptor facts as hostile as memory: every descriptor a socket (netlink of any
    /// family, TCP, UNIX...) or a path with control bytes, random endpoints and UNIX names, random
    /// devices; so the netlink, sock_diag and -yy printers see noise too.</summary>
    private sealed class HostileFds(Random r) : IFdPaths
    {
        private static readonly string[] s_protocols = ["NETLINK", "TCP", "TCPv6", "UDP", "UNIX-STREAM", "UNIX", "RAW", "\x1b[31m"];

        public int PathOf(int pid, int fd, Span<byte> destination)
        {
            string target = r.Next(4) switch
            {
                0 => "/dev/\x1b]0;pwned\x07\n",
                1 => "anon_inode:[pidfd]",
                _ => $"socket:[{r.Next(1, 1 << 20)}]",
            };
            int n = Math.Min(destination.Length, target.Length);
            for (int i = 0; i < n; i++) destination[i] = (byte)target[i];
            return n;
        }

        public int SocketProtocolOf(int pid, int fd, Span<byte> destination)
        {
            string p = s_protocols[r.Next(s_protocols.Length)];
            for (int i = 0; i < p.Length; i++) destination[i] = (byte)p[i];
            return p.Length;
        }

        public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
        {
            facts = new SocketFacts
            {
                Family = family,
                SourcePort = (ushort)r.Next(),
                DestinationPort = (ushort)r.Next(),
                UnixPeer = (uint)r.Next(),
                NetlinkProtocol = r.Next(-1, 24),
                PortId = (uint)r.Next(),
            };
            for (int i = 0; i < 16; i++) { facts.Source[i] = (byte)r.Next(); facts.Destination[i] = (byte)r.Next(); }
            facts.NameLength = unixName.IsEmpty ? 0 : r.Next(unixName.Length + 1);
            r.NextBytes(unixName[..facts.NameLength]);
            return r.Next(4) != 0;
        }

        public DeviceNumber DeviceAt(ReadOnlySpan<byte> path) => new((byte)"cb\0"[r.Next(3)], (uint)r.Next(), (uint)r.Next());

        public int PidOfPidfd(int pid, int fd) => r.Next(-1, 1 << 22);
    }

    [Fact]
    public void Hostile_descriptor_facts_never_throw_and_print_only_ascii()
    {
        var r = new Random(20261127);
        var ms = new MemoryStream();
        var output = new TraceOutput(ms, false);
        var options = new StraceOptions { Decode = new DecodeOptions { FdPaths = FdDecoding.All, StringLimit = 64 } };
        var f = new TextTrace(output, options, new HostileFds(r));
        f.Start(1);
        foreach (var info in SyscallTable.All)
        {
            for (int iter = 0; iter < 30; iter++)
            {
                var mem = new NoiseMemory(r.Next());
                var e = new TraceEvent { Kind = TraceEventKind.SyscallEntry, Tid = 1, SyscallNumber = info.Number, InterruptedSyscall = -1 };
                for (int i = 0; i < 6; i++) e.Args[i] = r.Next(3) == 0 ? (ulong)r.Next(0, 8) : RandomArg(r);
                f.OnEvent(ref e, mem);
                e.Kind = TraceEventKind.SyscallExit;
                e.ReturnValue = r.Next(3) == 0 ? -r.Next(1, 140) : r.Next(0, 8192);
                e.HasReturn = true;
                f.OnEvent(ref e, mem);
            }
            f.Complete();
            foreach (byte b in ms.GetBuffer().AsSpan(0, (int)ms.Length))
                Assert.True(b == '\n' || (b >= 0x20 && b < 0x7f), $"{info.Name}: byte 0x{b:x2} in output");
            ms.SetLength(0);
        }
    }
}
