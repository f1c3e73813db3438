using System.CommandLine;
using Syscope.Inspection;
using Syscope.Inspection.Naming;
using Syscope.Inspection.Selection;
using Syscope.Text;

namespace Syscope.Cli.Commands;

/// <summary>`syscope ps PATTERN [pgrep's selection options]`: the table of the processes whose
/// full command line matches (pgrep -f's POSIX extended regular expression), narrowed by the
/// same options as pgrep (-u -U -g -G -P -s -t -x -i -v -n -o -O -r -A --ns --nslist).</summary>
internal static class PsCommand
{
    public static Command Create()
    {
        var pattern = new Argument<string>("pattern") { Description = $"POSIX extended regular expression searched in each full command line (as pgrep -f); {ProcessFinder.PatternHelp}", HelpName = "pattern" };
        pattern.CompletionSources.Add(context => CompletionWords.Processes(context.WordToComplete).Where(w => !char.IsAsciiDigit(w[0])));
        Option<string> List(string name, string alias, string what) => new(name, alias) { Description = what + ", comma-separated (as pgrep)" };
        Option<bool> Flag(string name, string alias, string what) => new(name, alias) { Description = what };
        var euid = List("--euid", "-u", "effective user IDs or names");
        var uid = List("--uid", "-U", "real user IDs or names");
        var pgroup = List("--pgroup", "-g", "process group IDs (0: this one's)");
        var group = List("--group", "-G", "real group IDs or names");
        var parent = List("--parent", "-P", "parent PIDs");
        var session = List("--session", "-s", "session IDs (0: this one's)");
        var terminal = List("--terminal", "-t", "controlling terminals without /dev/ (pts/3)");
        var exact = Flag("--exact", "-x", "the pattern must match the whole command line");
        var ignoreCase = Flag("--ignore-case", "-i", "match case-insensitively");
        var inverse = Flag("--inverse", "-v", "the processes that do not match");
        var newest = Flag("--newest", "-n", "only the most recently started");
        var oldest = Flag("--oldest", "-o", "only the least recently started");
        var older = new Option<int?>("--older", "-O") { Description = "only processes older than this many seconds" };
        var states = new Option<string>("--runstates", "-r") { Description = "only processes in these states (letters: R, S, D, Z...)" };
        var ancestors = Flag("--ignore-ancestors", "-A", "leave out every ancestor of syscope");
        var ns = new Option<int?>("--ns") { Description = "only processes in the same namespaces as this PID" };
        var nslist = new Option<string>("--nslist") { Description = "namespaces --ns compares (ipc, mnt, net, pid, user, uts), comma-separated" };
        var command = new Command("ps", "list processes whose command line matches a pattern, with pgrep's selection options")
        {
            pattern, euid, uid, pgroup, group, parent, session, terminal, exact, ignoreCase, inverse, newest, oldest, older, states, ancestors, ns, nslist,
        };
        command.SetAction(r => CommandRunner.Run(r, output =>
        {
            if (r.GetValue(newest) && r.GetValue(oldest)) throw new UserError("-n and -o cannot be combined");
            string? kinds = r.GetValue(nslist);
            var selection = new ProcessSelection
            {
                Pattern = r.GetValue(pattern),
                Full = true,
                Exact = r.GetValue(exact),
                IgnoreCase = r.GetValue(ignoreCase),
                Inverse = r.GetValue(inverse),
                Newest = r.GetValue(newest),
                Oldest = r.GetValue(oldest),
                IgnoreAncestors = r.GetValue(ancestors),
                OlderSeconds = r.GetValue(older),
                RunStates = r.GetValue(states),
                NamespacePid = r.GetValue(ns),
                EffectiveUids = Ids(r.GetValue(euid), IdWords.User, "user"),
                RealUids = Ids(r.GetValue(uid), IdWords.User, "user"),
                ProcessGroups = Ids(r.GetValue(pgroup), IdWords.ProcessGroup, "process group"),
                RealGids = Ids(r.GetValue(group), IdWords.Group, "group"),
                ParentPids = Ids(r.GetValue(parent), IdWords.Number, "parent PID"),
                Sessions = Ids(r.GetValue(session), IdWords.Session, "session"),
                Terminals = r.GetValue(terminal)?.Split(','),
                NamespaceKinds = kinds == null ? ProcessSelection.AllNamespaceKinds : [.. kinds.Split(',').Select(Namespace)],
            };
            using var selector = ProcessSelector.TryCreate(selection, out string problem)
                ?? throw new UserError($"invalid pattern {UntrustedText.Quote(selection.Pattern!)}: {problem}");
            var found = selector.Select(ProcessFinder.SelfAndWrappers()).Select(p => ProcessTable.TryRead(p.Pid)).OfType<ProcessEntry>().ToList();
            if (found.Count == 0) return 1;
            ProcessList.Write(output, found, EndpointNames.FromSystem());
            return 0;
        }));
        return command;
    }

    private static List<long>? Ids(string? text, Func<string, long?> convert, string what) =>
        text?.Split(',').Select(item => convert(item) ?? throw new UserError($"unknown {what} {UntrustedText.Quote(item)}")).ToList();

    private static string Namespace(string kind) => ProcessSelection.AllNamespaceKinds.Contains(kind) ? kind
        : throw new UserError($"unknown namespace {UntrustedText.Quote(kind)} (ipc, mnt, net, pid, user, uts)");
}
