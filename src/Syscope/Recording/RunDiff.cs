using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Recording;

/// <summary>One run read for comparison: its processes in order of appearance, each with its calls
/// as normalized lines (addresses masked), its failures and the files it touched, and how it ended.</summary>
internal sealed partial class RunSummary : ITraceRenderer
{
    internal sealed class Process(int tgid)
    {
        public readonly int Tgid = tgid;
        /// <summary>The program it exec'd last (the comm's fuller name), or "" before any exec.</summary>
        public string Program = "";
        public readonly List<string> Lines = [];
        public string Ending = "still running when the recording ended";
    }

    public readonly List<Process> Processes = [];
    private readonly Dictionary<int, Process> _byTgid = [];
    /// <summary>Failed calls by (syscall, errno, path): how many.</summary>
    public readonly Dictionary<(string Syscall, string Errno, string Path), int> Failures = [];
    public readonly HashSet<string> Files = [];
    public string? Problem;

    public static RunSummary Read(RecordingReader reader)
    {
        var run = new RunSummary();
        var options = new DecodeOptions { StringLimit = 256, FdPaths = FdDecoding.Path };
        reader.Replay(new CallAssembler(new TraceFilter(), options, reader.Facts, run));
        run.Problem = reader.Problem;
        return run;
    }

    private Process Of(int tid, int tgid)
    {
        if (!_byTgid.TryGetValue(tgid, out var p))
        {
            _byTgid[tgid] = p = new Process(tgid);
            Processes.Add(p);
        }
        return p;
    }

    public void Completed(AssembledCall call)
    {
        var p = Of(call.Tid, call.Tgid);
        string args = Encoding.UTF8.GetString(call.EntryText) + Encoding.UTF8.GetString(call.ExitText);
        // Process ids differ from run to run: a result that is one (getpid, clone, set_tid_address...)
        // and the thread's own id in its arguments are masked like addresses.
        bool returnsPid = call.Number is Sys.getpid or Sys.gettid or Sys.getppid or Sys.set_tid_address or Sys.clone or Sys.clone3 or Sys.fork or Sys.vfork or Sys.wait4 or Sys.waitid;
        string result = !call.HasReturn ? "?" : call.Failed ? $"-1 {Errno.Name(call.Errno)}"
            : call.ReturnFormat == ReturnFormat.Hex ? "0x…" : returnsPid && call.ReturnValue > 0 ? "PID" : call.ReturnValue.ToString();
        args = Regex.Replace(args, $@"\b({call.Tid}|{call.Tgid})\b", "PID");
        string? path = (call.Syscall.Classes & SyscallClass.File) != 0 ? FirstString(args) : null;
        // The command lines of two runs differ by design (another input file): an exec is compared
        // by the program it runs, the argument that differs shows where it is used.
        bool exec = call.Number is Sys.execve or Sys.execveat;
        p.Lines.Add(exec ? $"{call.Syscall.Name}(\"{path}\", …) = {result}" : Mask($"{call.Syscall.Name}({args}) = {result}"));
        if (exec && call.HasReturn && !call.Failed && path != null) p.Program = path;
        if (call.Failed && !call.Restarted)
        {
            var key = (call.Syscall.Name, Errno.Name(call.Errno), path ?? "");
            Failures[key] = Failures.GetValueOrDefault(key) + 1;
        }
        else if (call.HasReturn && path != null) Files.Add(path);
    }

    public void Ended(in TraceEvent e, bool shown)
    {
        if (e.Tid != e.Tgid) return;
        Of(e.Tid, e.Tgid).Ending = e.Kind == TraceEventKind.Killed ? $"killed by {SignalNames.Name(e.Signal)}" : $"exit {e.ExitCode}";
    }

    /// <summary>Addresses and pointers differ from run to run: they are masked.</summary>
    private static string Mask(string line) => HexNumber().Replace(line, "0x…");

    /// <summary>The first quoted string of an argument list: the path of a file call.</summary>
    private static string? FirstString(string args)
    {
        var m = QuotedString().Match(args);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("0x[0-9a-f]+")]
    private static partial Regex HexNumber();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedString();
}

/// <summary>
/// `syscope diff good.scope bad.scope`: what differs between two runs, most useful first: calls
/// that failed in one run more often than in the other (grouped by syscall, errno and path), the
/// first call where each pair of processes goes different ways (with the calls before it), files
/// touched in only one run, and how each process ended.  Processes are paired by the program they
/// ran and their order of appearance.
/// </summary>
internal static class RunDiff
{
    private const int Context = 3;

    public sealed record Divergence(string Program, int GoodPid, int BadPid, int Index, List<string> Before, string? Good, string? Bad);

    public sealed record Report(
        List<(string Syscall, string Errno, string Path, int Good, int Bad)> Failures,
        List<Divergence> Divergences,
        List<string> FilesOnlyGood, List<string> FilesOnlyBad,
        List<(string Program, string Good, string Bad)> Endings,
        List<string> Unpaired);

    public static Report Compare(RunSummary good, RunSummary bad)
    {
        var failures = good.Failures.Keys.Union(bad.Failures.Keys)
            .Select(k => (k.Syscall, k.Errno, k.Path, Good: good.Failures.GetValueOrDefault(k), Bad: bad.Failures.GetValueOrDefault(k)))
            .Where(f => f.Good != f.Bad)
            .OrderByDescending(f => f.Good == 0 || f.Bad == 0).ThenByDescending(f => Math.Abs(f.Bad - f.Good)).ThenBy(f => f.Syscall).ThenBy(f => f.Path)
            .ToList();
        var divergences = new List<Divergence>();
        var endings = new List<(string, string, string)>();
        var unpaired = new List<string>();
        var (pairs, onlyGood, onlyBad) = Pair(good.Processes, bad.Processes);
        foreach (var (g, b) in pairs)
        {
            int i = 0;
            while (i < g.Lines.Count && i < b.Lines.Count && g.Lines[i] == b.Lines[i]) i++;
            if (i < g.Lines.Count || i < b.Lines.Count)
                divergences.Add(new Divergence(Name(g), g.Tgid, b.Tgid, i, g.Lines.GetRange(Math.Max(0, i - Context), Math.Min(i, Context)),
                    i < g.Lines.Count ? g.Lines[i] : null, i < b.Lines.Count ? b.Lines[i] : null));
            if (g.Ending != b.Ending) endings.Add((Name(g), g.Ending, b.Ending));
        }
        unpaired.AddRange(onlyGood.Select(p => $"{Name(p)} (pid {p.Tgid}) ran only in the first run"));
        unpaired.AddRange(onlyBad.Select(p => $"{Name(p)} (pid {p.Tgid}) ran only in the second run"));
        return new Report(failures, divergences,
            [.. good.Files.Except(bad.Files).Order(StringComparer.Ordinal)], [.. bad.Files.Except(good.Files).Order(StringComparer.Ordinal)],
            endings, unpaired);
    }

    private static string Name(RunSummary.Process p) => p.Program.Length > 0 ? p.Program : $"pid {p.Tgid}";

    /// <summary>The n-th process running a program in one run goes with the n-th running it in the other.</summary>
    private static (List<(RunSummary.Process, RunSummary.Process)>, List<RunSummary.Process>, List<RunSummary.Process>) Pair(List<RunSummary.Process> good, List<RunSummary.Process> bad)
    {
        var pairs = new List<(RunSummary.Process, RunSummary.Process)>();
        var left = new List<RunSummary.Process>(bad);
        var onlyGood = new List<RunSummary.Process>();
        foreach (var g in good)
        {
            int at = left.FindIndex(b => b.Program == g.Program);
            if (at < 0) { onlyGood.Add(g); continue; }
            pairs.Add((g, left[at]));
            left.RemoveAt(at);
        }
        return (pairs, onlyGood, left);
    }

    public static void WriteText(Report r, TextWriter o)
    {
        if (r.Failures.Count > 0)
        {
            o.WriteLine("Calls that failed more often in one run (first run vs second):");
            foreach (var f in r.Failures) o.WriteLine($"  {f.Syscall} {f.Errno} {f.Path}: {f.Good} vs {f.Bad}");
        }
        foreach (var d in r.Divergences)
        {
            o.WriteLine($"First difference in {d.Program} (pid {d.GoodPid} vs {d.BadPid}), call {d.Index + 1}:");
            foreach (var line in d.Before) o.WriteLine($"    {line}");
            o.WriteLine($"  - {d.Good ?? "(no more calls)"}");
            o.WriteLine($"  + {d.Bad ?? "(no more calls)"}");
        }
        if (r.FilesOnlyGood.Count > 0) o.WriteLine("Files touched only in the first run: " + string.Join(", ", r.FilesOnlyGood));
        if (r.FilesOnlyBad.Count > 0) o.WriteLine("Files touched only in the second run: " + string.Join(", ", r.FilesOnlyBad));
        foreach (var (program, good, bad) in r.Endings) o.WriteLine($"{program}: {good} vs {bad}");
        foreach (var u in r.Unpaired) o.WriteLine(u);
        if (r.Failures.Count + r.Divergences.Count + r.FilesOnlyGood.Count + r.FilesOnlyBad.Count + r.Endings.Count + r.Unpaired.Count == 0)
            o.WriteLine("The runs made the same calls.");
    }

    public static void WriteJson(Report r, Stream output)
    {
        using var j = new Utf8JsonWriter(output);
        j.WriteStartObject();
        j.WriteStartArray("failures");
        foreach (var f in r.Failures)
        {
            j.WriteStartObject();
            j.WriteString("syscall", f.Syscall);
            j.WriteString("errno", f.Errno);
            j.WriteString("path", f.Path);
            j.WriteNumber("first", f.Good);
            j.WriteNumber("second", f.Bad);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteStartArray("divergences");
        foreach (var d in r.Divergences)
        {
            j.WriteStartObject();
            j.WriteString("program", d.Program);
            j.WriteNumber("first_pid", d.GoodPid);
            j.WriteNumber("second_pid", d.BadPid);
            j.WriteNumber("call", d.Index + 1);
            j.WriteStartArray("before");
            foreach (var l in d.Before) j.WriteStringValue(l);
            j.WriteEndArray();
            j.WriteString("first", d.Good);
            j.WriteString("second", d.Bad);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteStartArray("files_only_first");
        foreach (var f in r.FilesOnlyGood) j.WriteStringValue(f);
        j.WriteEndArray();
        j.WriteStartArray("files_only_second");
        foreach (var f in r.FilesOnlyBad) j.WriteStringValue(f);
        j.WriteEndArray();
        j.WriteStartArray("endings");
        foreach (var (program, good, bad) in r.Endings)
        {
            j.WriteStartObject();
            j.WriteString("program", program);
            j.WriteString("first", good);
            j.WriteString("second", bad);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteStartArray("unpaired");
        foreach (var u in r.Unpaired) j.WriteStringValue(u);
        j.WriteEndArray();
        j.WriteEndObject();
    }
}
