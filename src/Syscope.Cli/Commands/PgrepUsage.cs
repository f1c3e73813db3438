namespace Syscope.Cli.Commands;

/// <summary>pgrep's and pkill's usage screens, as procps-ng 4.0.2 prints them, so that scripts
/// and eyes find the same text; `--help` adds one line on how syscope shows names.</summary>
internal static class PgrepUsage
{
    public const string EscapingNote =
        " Unlike procps, names and command lines are printed with control bytes and invalid\n" +
        " UTF-8 escaped (\\n, ^[, \\xNN), so no process can write to your terminal.\n";

    public static string Text(bool pkill)
    {
        string name = pkill ? "pkill" : "pgrep";
        string own = pkill
            ? " -<sig>, --signal <sig>    signal to send (either number or name)\n" +
              " -q, --queue <value>       integer value to be sent with the signal\n" +
              " -e, --echo                display what is killed\n"
            : " -d, --delimiter <string>  specify output delimiter\n" +
              " -l, --list-name           list PID and process name\n" +
              " -a, --list-full           list PID and full command line\n" +
              " -v, --inverse             negates the matching\n" +
              " -w, --lightweight         list all TID\n";
        return $"\nUsage:\n {name} [options] <pattern>\n\nOptions:\n" + own +
            " -c, --count               count of matching processes\n" +
            " -f, --full                use full process name to match\n" +
            " -g, --pgroup <PGID,...>   match listed process group IDs\n" +
            " -G, --group <GID,...>     match real group IDs\n" +
            " -i, --ignore-case         match case insensitively\n" +
            " -n, --newest              select most recently started\n" +
            " -o, --oldest              select least recently started\n" +
            " -O, --older <seconds>     select where older than seconds\n" +
            " -P, --parent <PPID,...>   match only child processes of the given parent\n" +
            " -s, --session <SID,...>   match session IDs\n" +
            " -t, --terminal <tty,...>  match by controlling terminal\n" +
            " -u, --euid <ID,...>       match by effective IDs\n" +
            " -U, --uid <ID,...>        match by real IDs\n" +
            " -x, --exact               match exactly with the command name\n" +
            " -F, --pidfile <file>      read PIDs from file\n" +
            " -L, --logpidfile          fail if PID file is not locked\n" +
            " -r, --runstates <state>   match runstates [D,S,Z,...]\n" +
            " -A, --ignore-ancestors    exclude our ancestors from results\n" +
            " --cgroup <grp,...>        match by cgroup v2 names\n" +
            " --ns <PID>                match the processes that belong to the same\n" +
            "                           namespace as <pid>\n" +
            " --nslist <ns,...>         list which namespaces will be considered for\n" +
            "                           the --ns option.\n" +
            "                           Available namespaces: ipc, mnt, net, pid, user, uts\n\n" +
            " -h, --help     display this help and exit\n" +
            " -V, --version  output version information and exit\n\n" +
            "For more details see pgrep(1).\n";
    }
}
