using System.CommandLine;
using Syscope.Filtering;

namespace Syscope.Cli.Commands;

/// <summary>`syscope record -o FILE [trace options] CMD|-p PID`: trace without showing anything,
/// writing a recording that `replay`, `export` and `diff` read.  Parsing and wiring only.</summary>
internal static class RecordCommand
{
    public const string Usage = "usage: syscope record -o FILE [-f] [-k] [-s STRSIZE] [-e trace=SET] [-e inject=...] [--ebpf] {-p PID | PROG [ARGS]}";

    public const string Description = """
        Record a trace to FILE, to be shown later with any output options (syscope replay), exported
        (syscope export) or compared with another run (syscope diff).  Takes trace's options: those
        that choose what is traced (-f, -p, -e trace=, inject=, fault=, --ebpf, --syscall-limit)
        apply; those that choose what is shown (-c, -z, -P, -y, -e signal=...) are for replay.
        -k keeps each call's stack, resolved to modules and symbols as it is recorded (replay -k
        shows them).
        Strings and buffers are kept up to 256 bytes, or -s N if larger.  The file is written as
        the trace goes: a recording cut short (kill -9, a full disk) reads back up to its last block.
          syscope trace --record FILE [options] CMD   shows the trace and records it alongside
                                                      (every call: its -e trace= only chooses what shows)
        """;

    public static Command Create() =>
        new GetoptCommand("record", Description, Usage, TraceArguments.Getopt, "-o FILE, trace options, then the command to run",
            args => TraceCommand.Run(args, Console.Error, recordOnly: true));

    /// <summary>What the backend is asked for while recording: every call of the trace set (`record
    /// -e trace=` limits what is kept; `trace --record` keeps every call, its -e trace= only
    /// chooses what shows) and what is injected; no selection of what shows, which replay makes.</summary>
    public static TraceFilter BackendFilter(TraceFilter f, bool keepTraceSet) => new()
    {
        Trace = keepTraceSet ? f.Trace : SyscallSet.All,
        Injections = f.Injections,
        SyscallLimit = f.SyscallLimit,
        SeccompBpf = f.SeccompBpf,
    };
}
