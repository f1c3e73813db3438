using System.Buffers.Binary;
using Syscope.Calls;
using Syscope.Output;
using Syscope.Recording;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;
using Xunit;

namespace Syscope.Tests.Recording;

/// <summary>
/// A recording cut at any byte (the recorder killed with -9, a full disk) reads back up to its
/// last whole block: a real trace is recorded in small blocks, then cut at every byte of its
/// header and first blocks, at every block boundary and one byte either side, and at a few hundred
/// other places; each cut must read exactly the events of the blocks before it, print them
/// through the real pipeline, never throw, and say in one sentence what happened.
/// </summary>
public class TruncatedRecordingTests
{
    [NeedsFact("root")]
    public void A_recording_cut_anywhere_reads_back_to_its_last_whole_block()
    {
        var bytes = Record(["sh", "-c", "cat /etc/hostname | wc -c; ls -l /etc/apt > /dev/null"]);
        var blockEnds = BlockEnds(bytes);
        Assert.True(blockEnds.Count > 20, $"only {blockEnds.Count} blocks");

        // The events each whole-block prefix holds, read by cutting exactly at the block's end.
        var eventsAt = new Dictionary<int, long>();
        long previous = -1;
        foreach (int end in blockEnds)
        {
            var (events, problem) = Read(bytes, end);
            Assert.True(events >= previous, $"cut at {end}: {events} events, fewer than the {previous} before it");
            previous = events;
            eventsAt[end] = events;
            if (end < bytes.Length) Assert.Contains("ends after", problem);
            else Assert.Null(problem);
        }

        var cuts = new SortedSet<int>();
        for (int i = 0; i < Math.Min(bytes.Length, blockEnds[2]); i++) cuts.Add(i);
        foreach (int end in blockEnds) { cuts.Add(end - 1); cuts.Add(end + 1); }
        var random = new Random(14);
        for (int i = 0; i < 300; i++) cuts.Add(random.Next(bytes.Length));
        foreach (int cut in cuts.Where(c => c >= 0 && c < bytes.Length))
        {
            int headerLength = RecordFormat.HeaderPrefix + HeaderLength(bytes);
            if (cut < headerLength)
            {
                var error = Assert.Throws<UserError>(() => RecordingReader.Open(new MemoryStream(bytes, 0, cut), "run.scope"));
                Assert.Matches(@"^run\.scope: (not a syscope recording|the recording is cut short inside its header)$", error.Message);
                continue;
            }
            int lastWhole = blockEnds.LastOrDefault(e => e <= cut, headerLength);
            long expected = eventsAt.GetValueOrDefault(lastWhole);
            var (events, problem) = Read(bytes, cut);
            Assert.True(events == expected, $"cut at {cut}: {events} events read, {expected} in the whole blocks before it");
            Assert.NotNull(problem);
            Assert.Matches(@"^run\.scope: the recording (ends|is cut short) after \d+ events [^\n]*; what came before is shown$", problem);
        }
    }

    private static int HeaderLength(byte[] bytes) => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));

    /// <summary>Where each block ends, walking the length prefixes.</summary>
    private static List<int> BlockEnds(byte[] bytes)
    {
        var ends = new List<int>();
        int at = RecordFormat.HeaderPrefix + HeaderLength(bytes);
        while (at < bytes.Length)
        {
            at += RecordFormat.BlockPrefix + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            ends.Add(at);
        }
        Assert.Equal(bytes.Length, at);
        return ends;
    }

    /// <summary>Replays the first length bytes through the strace text pipeline.</summary>
    private static (long Events, string? Problem) Read(byte[] bytes, int length)
    {
        using var reader = RecordingReader.Open(new MemoryStream(bytes, 0, length), "run.scope");
        var options = new StraceOptions { FollowForks = true };
        var text = new MemoryStream();
        using (var output = new TraceOutput(text, flushEachEvent: false))
        {
            var formatter = new StraceFormatter(options, output, TextWriter.Null, reader.Facts.Host);
            reader.Replay(new CallAssembler(options.Filter, options.Decode, reader.Facts, formatter));
        }
        return (reader.EventsRead, reader.Problem);
    }

    /// <summary>A real trace recorded in-process with blocks of about 1 KiB.</summary>
    private static byte[] Record(string[] command)
    {
        var target = new TraceTarget { ExecutablePath = CommandResolver.Resolve(command[0]), Argv = command, FollowForks = true };
        var backend = TraceBackends.Create(target);
        var file = new MemoryStream();
        var writer = new RecordingWriter(file, "run.scope", new RecordingHeader { WallClock = backend.Facts.Host.WallClock, CaptureLimit = 256 }, blockTarget: 1024);
        var facts = new RecordingFacts(backend.Facts, writer);
        var outcome = backend.Run(new TraceRecorder(writer, facts, 256, live: null));
        writer.End(outcome);
        return file.ToArray();
    }
}
