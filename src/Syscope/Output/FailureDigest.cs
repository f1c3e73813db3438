using System.Globalization;
using System.Text;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>
/// --summary=failures: the failed calls grouped by syscall, errno and what they were about (the
/// path they named, else the peer address, else the descriptor as decoded, -y's path included),
/// with counts and the first and last time, written when tracing ends, most frequent first.  A
/// failure already seen costs a lookup, no allocation: the group key is built in a reused buffer
/// and looked up as a span.
/// </summary>
internal sealed class FailureDigest(IHostFacts host, Func<Stream> output, bool json = false) : ITraceRenderer
{
    public sealed class Group(string syscall, int errno, string target, long firstNs)
    {
        public string Syscall { get; } = syscall;
        public int Errno { get; } = errno;
        public string ErrnoName => Kernel.Errno.IsKnown(Errno) ? Kernel.Errno.Name(Errno) : $"errno {Errno}";
        /// <summary>The path, peer or descriptor, as the trace decodes it (escaped), or empty.</summary>
        public string Target { get; } = target;
        public long Calls { get; set; }
        public long FirstNs { get; } = firstNs;
        public long LastNs { get; set; }
    }

    private readonly TextKeyed<Group> _groups = new();

    /// <summary>The groups, most calls first, then in order of their first failure.</summary>
    public IEnumerable<Group> Groups => _groups.Values.OrderByDescending(g => g.Calls).ThenBy(g => g.FirstNs);

    public void Counted(AssembledCall call)
    {
        if (!call.Failed) return;
        var group = _groups.Key(call.Number, call.Errno).Get(Target(call), call,
            static (target, c) => new Group(c.Syscall.Name, c.Errno, target, c.EntryTimeNs));
        group.Calls++;
        group.LastNs = call.EntryTimeNs;
    }

    /// <summary>What a failed call was about: its path, else its peer address, else its descriptor.</summary>
    public static ReadOnlySpan<byte> Target(AssembledCall call)
    {
        var args = call.Syscall.Args;
        int n = Math.Min(args.Length, call.ArgumentCount);
        foreach (var kind in s_targetKinds)
            for (int i = 0; i < n; i++)
            {
                var role = args[i].Role;
                // A peer the call was to reach, not an address it was to fill in.
                if (role.Kind == kind && (kind != ArgKind.Sockaddr || (role.Flow & ArgFlow.In) != 0)) return call.Argument(i);
            }
        return default;
    }

    private static readonly ArgKind[] s_targetKinds = [ArgKind.Path, ArgKind.Sockaddr, ArgKind.Fd];

    public void Complete()
    {
        if (_groups.Count == 0) return;
        var stream = output();
        if (json) WriteJson(stream);
        else
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true);
            long calls = _groups.Values.Sum(g => g.Calls);
            w.Write($"failed calls: {calls} in {_groups.Count} {(_groups.Count == 1 ? "group" : "groups")} (by syscall, errno and path or peer)\n");
            w.Write($"{"calls",9} {"syscall",-16} {"errno",-14} {"first",-15} {"last",-15} path or peer\n");
            foreach (var g in Groups)
                w.Write($"{g.Calls,9} {g.Syscall,-16} {g.ErrnoName,-14} {Time(g.FirstNs)} {Time(g.LastNs)} {g.Target}\n");
        }
        stream.Flush();
    }

    /// <summary>Local time of day with microseconds, as -tt prints it.</summary>
    private string Time(long ns)
    {
        long us = host.WallClock.LocalMicrosOfDay(ns), sec = us / 1_000_000;
        return FormattableString.Invariant($"{sec / 3600:00}:{sec / 60 % 60:00}:{sec % 60:00}.{us % 1_000_000:000000}");
    }

    private void WriteJson(Stream stream)
    {
        using (var w = new System.Text.Json.Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "failures");
            w.WriteNumber("schema", JsonFormatter.Schema);
            w.WriteStartArray("groups");
            foreach (var g in Groups)
            {
                w.WriteStartObject();
                w.WriteString("syscall", g.Syscall);
                w.WriteString("errno", g.ErrnoName);
                w.WriteString("target", g.Target);
                w.WriteNumber("calls", g.Calls);
                w.WriteNumber("first", host.WallClock.UnixMicros(g.FirstNs) / 1e6);
                w.WriteNumber("last", host.WallClock.UnixMicros(g.LastNs) / 1e6);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }
}
