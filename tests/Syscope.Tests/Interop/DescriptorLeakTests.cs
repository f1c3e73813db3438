using System.Text;
using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;
using Syscope.Tracing.Ptrace;

namespace Syscope.Tests.Interop;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnDescriptorsCollection
{
    /// <summary>Tests that count this process's descriptors run alone.</summary>
    public const string Name = "own descriptors";
}

/// <summary>Every descriptor syscope opens for its own use (the seccomp program's memfd, sock_diag
/// sockets, /proc files, directories) is closed again: tracing and inspecting over and over from
/// one process leaves its descriptor table as it was.</summary>
[Collection(OwnDescriptorsCollection.Name)]
public class DescriptorLeakTests
{
    [NeedsFact("root", "python3")]
    public void Tracing_with_seccomp_and_socket_details_leaves_no_descriptor_open()
    {
        string trace = "";
        AssertNothingStaysOpen(() => trace = Trace("python3", "-c", "import socket; a, b = socket.socketpair(); a.send(b'x'); b.recv(1)"));
        // The run used what is checked: the seccomp program (only the selected calls stop) and
        // sock_diag (the socket's peer is named).
        Assert.Matches(@"^sendto\(\d+<UNIX-STREAM:\[\d+->\d+\]>, ""x""", trace.Split('\n').First(l => l.StartsWith("sendto(")));
    }

    [NeedsFact("root")]
    public void Inspecting_leaves_no_descriptor_open()
    {
        string self = Environment.ProcessId.ToString();
        AssertNothingStaysOpen(() =>
        {
            foreach (string[] command in (string[][])[["files", self], ["ps", "."], ["why", self]])
            {
                var r = Syscope.Tests.Inspection.Cli.Run(command);
                Assert.True(r.ExitCode == 0, $"{string.Join(' ', command)}: {r.Error}");
            }
        });
    }

    /// <summary>Runs work once (what a process keeps for its life, such as the launcher's memfd,
    /// opens then), then three times more, and compares the descriptor tables.</summary>
    private static void AssertNothingStaysOpen(Action work)
    {
        work();
        var before = OwnDescriptors();
        for (int i = 0; i < 3; i++) work();
        var after = OwnDescriptors();
        var added = after.Except(before).ToList();
        Assert.True(after.Count <= before.Count, $"{after.Count - before.Count} more descriptors open: {string.Join(", ", added)}");
    }

    /// <summary>"N -> target" for each open descriptor of this process.</summary>
    private static List<string> OwnDescriptors() =>
        new DirectoryInfo("/proc/self/fd").GetFileSystemInfos()
            .Select(f => { try { return $"{f.Name} -> {f.LinkTarget}"; } catch (IOException) { return f.Name; } })
            .ToList();

    private static string Trace(params string[] argv)
    {
        var calls = new SyscallSet(new[] { "socketpair", "sendto", "recvfrom" }.Select(n => SyscallTable.ByName(n)!.Number));
        var filter = new TraceFilter { Trace = calls };
        var sink = new MemoryStream();
        var options = new StraceOptions { OutputPath = "mem", Filter = filter, Decode = new DecodeOptions { FdPaths = FdDecoding.Socket } };
        var target = new TraceTarget { ExecutablePath = CommandResolver.Resolve(argv[0]), Argv = argv, Filter = filter, FollowForks = true };
        Assert.True(PtraceBackend.UsesSeccomp(target));
        var backend = new PtraceBackend(target);
        var formatter = new StraceFormatter(options, new TraceOutput(sink, flushEachEvent: false), TextWriter.Null, backend.Facts.Host);
        Assert.Equal(0, backend.Run(new CallAssembler(filter, options.Decode, backend.Facts, formatter)).ExitCode);
        formatter.Complete();
        return Encoding.UTF8.GetString(sink.ToArray());
    }
}
