using System.Text;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Output;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;

namespace Syscope.Tests.Calls;

/// <summary>
/// Everything decoding and output ask of the traced system goes through ITraceeMemory, IFdPaths
/// and IHostFacts, so one stream of events, kept with the bytes and facts that were asked for,
/// decodes later exactly as it did live: these tests trace real programs with the ptrace backend,
/// record each event with a <see cref="SnapshotMemory"/> of what the decoders read and the
/// answers the facts gave, then feed the recording to a fresh pipeline once the processes are gone
/// and compare every byte.  A decoder or output that looked anything up live (a /proc read, a
/// clock) would print differently the second time.
/// </summary>
public class ReplayTests
{
    private const string TcpPair = """
        import socket
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
        c = socket.create_connection(s.getsockname()); a, _ = s.accept()
        c.sendall(b"ping"); a.recv(4); a.close(); c.close(); s.close()
        """;

    /// <summary>What each run must show, so that the facts were really asked.</summary>
    public static TheoryData<string, string[], string[]> Runs => new()
    {
        { "</etc/apt>", ["-f", "-y", "-v", "-s", "64"], ["ls", "-l", "/etc/apt"] },
        { "<TCP:[127.0.0.1:", ["-yy", "-x"], ["python3", "-c", TcpPair] },
        { "+++ exited with 0 +++", ["-f", "-tt", "-T", "-e", "trace=%process,%desc"], ["sh", "-c", "cat /etc/hostname | wc -c"] },
        { "if_nametoindex(\"lo\")", ["-yy", "-e", "trace=%network"], ["ip", "addr"] },
    };

    [NeedsTheory("root", "python3", "ip")]
    [MemberData(nameof(Runs))]
    public void A_recorded_trace_decodes_as_it_did_live(string shows, string[] options, string[] command)
    {
        var a = Syscope.Cli.Commands.TraceArguments.Parse([.. options, .. command]);
        var straceOptions = a.ToOptions();
        var target = new TraceTarget { ExecutablePath = CommandResolver.Resolve(command[0]), Argv = command, FollowForks = a.Follow > 0, Filter = a.ToFilter() };

        var backend = TraceBackends.Create(target);
        var liveFacts = new FactLog(backend.Facts);
        var live = new MemoryStream();
        var recording = new Recording(Pipeline(straceOptions, liveFacts.Facts, live), liveFacts);
        backend.Run(recording);

        var replayFacts = liveFacts.Replay();
        var replayed = new MemoryStream();
        var replay = Pipeline(straceOptions, replayFacts.Facts, replayed);
        for (int i = 0; i < recording.Events.Count; i++)
        {
            replayFacts.Event = i;
            var (e, memory) = recording.Events[i];
            replay.OnEvent(ref e, memory);
        }
        replay.Complete();

        string liveText = Encoding.UTF8.GetString(live.ToArray()), replayText = Encoding.UTF8.GetString(replayed.ToArray());
        Assert.Contains(shows, liveText);
        Assert.Equal(liveText, replayText);
        Assert.Equal(0, replayFacts.Misses);
    }

    private static CallAssembler Pipeline(StraceOptions options, TraceFacts facts, Stream sink)
    {
        var output = new TraceOutput(sink, flushEachEvent: false);
        return new CallAssembler(options.Filter, options.Decode, facts, new StraceFormatter(options, output, TextWriter.Null, facts.Host));
    }

    /// <summary>Keeps each event with a snapshot of every byte the pipeline read while handling it.</summary>
    private sealed class Recording(ITraceConsumer live, FactLog facts) : ITraceConsumer
    {
        public readonly List<(TraceEvent Event, SnapshotMemory Memory)> Events = [];

        public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
        {
            var snapshot = new SnapshotMemory();
            facts.Event = Events.Count;
            Events.Add((e, snapshot));
            live.OnEvent(ref e, new RecordingMemory(memory, snapshot));
        }

        public void Complete() => live.Complete();
    }

    private sealed class RecordingMemory(ITraceeMemory inner, SnapshotMemory copy) : ITraceeMemory
    {
        public int Read(ulong address, Span<byte> destination)
        {
            int n = inner.Read(address, destination);
            copy.Add(address, destination[..n]);
            return n;
        }
    }

    /// <summary>The answers the facts gave, per event and question: recorded from live facts, then
    /// replayed from the log alone.</summary>
    private sealed class FactLog : IFdPaths, IHostFacts
    {
        private readonly TraceFacts? _live;
        private readonly Dictionary<(int, string), byte[]> _answers;
        private readonly WallClockAnchor _wallClock;
        public int Event;
        public int Misses;

        public FactLog(TraceFacts live)
        {
            _live = live;
            _answers = [];
        }

        private FactLog(FactLog recorded)
        {
            _answers = recorded._answers;
            _wallClock = recorded.WallClock;
        }

        public TraceFacts Facts => new(this, this);

        /// <summary>The same answers, with nothing live behind them.</summary>
        public FactLog Replay() => new(this);

        private byte[] Ask(string question, Func<byte[]> live)
        {
            var key = (Event, question);
            if (_live != null) return _answers[key] = live();
            if (_answers.TryGetValue(key, out var answer)) return answer;
            Misses++;
            return [];
        }

        private int Bytes(string question, Span<byte> destination, SpanFunc live)
        {
            var copy = new byte[destination.Length];
            var answer = Ask(question, () => copy[..live(copy)]);
            answer.CopyTo(destination);
            return answer.Length;
        }

        private delegate int SpanFunc(Span<byte> destination);

        public int PathOf(int pid, int fd, Span<byte> destination) =>
            Bytes($"path {pid} {fd}", destination, d => _live!.Fds.PathOf(pid, fd, d));

        public int SocketProtocolOf(int pid, int fd, Span<byte> destination) =>
            Bytes($"protocol {pid} {fd}", destination, d => _live!.Fds.SocketProtocolOf(pid, fd, d));

        public bool TryFindSocket(int family, int protocol, ulong inode, out SocketFacts facts, Span<byte> unixName)
        {
            var name = new byte[unixName.Length];
            var answer = Ask($"socket {family} {protocol} {inode}", () =>
            {
                bool found = _live!.Fds.TryFindSocket(family, protocol, inode, out var f, name);
                return found ? [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes([f]), .. name] : [];
            });
            facts = default;
            if (answer.Length == 0) return false;
            int size = System.Runtime.CompilerServices.Unsafe.SizeOf<SocketFacts>();
            facts = System.Runtime.InteropServices.MemoryMarshal.Read<SocketFacts>(answer);
            answer.AsSpan(size).CopyTo(unixName);
            return true;
        }

        public DeviceNumber DeviceAt(ReadOnlySpan<byte> path)
        {
            var p = path.ToArray();
            var answer = Ask("device " + Convert.ToHexString(p), () =>
            {
                var d = _live!.Fds.DeviceAt(p);
                return [d.Kind, .. BitConverter.GetBytes(d.Major), .. BitConverter.GetBytes(d.Minor)];
            });
            return answer.Length == 9 ? new DeviceNumber(answer[0], BitConverter.ToUInt32(answer, 1), BitConverter.ToUInt32(answer, 5)) : default;
        }

        public int PidOfPidfd(int pid, int fd)
        {
            var answer = Ask($"pidfd {pid} {fd}", () => BitConverter.GetBytes(_live!.Fds.PidOfPidfd(pid, fd)));
            return answer.Length == 4 ? BitConverter.ToInt32(answer) : -1;
        }

        public int InterfaceName(uint index, Span<byte> destination) =>
            Bytes($"interface {index}", destination, d => _live!.Host.InterfaceName(index, d));

        public WallClockAnchor WallClock => _live?.Host.WallClock ?? _wallClock;
    }
}
