using System.Text;
using System.Text.RegularExpressions;
using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Recording.Diff;

/// <summary>
/// A call as `diff` compares it and as it shows it.  The shown line is strace's (-y), the compared
/// key is that line with what differs between two runs of the same program by allocation or by
/// chance masked:
///   - addresses and other hex numbers (mmap results, pointers, brk) become 0x…;
///   - descriptors named by their target (-y) become "fd&lt;target&gt;", and a returned descriptor
///     "fd&lt;target&gt;": one more open earlier shifts every later number, not what they refer to;
///   - the ids of the run's own threads and processes become PID, wherever they appear (a clone's
///     result, wait4's argument, kill's target);
///   - times in structures (tv_sec, tv_nsec, tv_usec) become …, and so do the inode numbers
///     that name sockets, pipes and other anonymous files ("socket:[…]");
///   - getrandom's bytes become "…" (glibc seeds malloc with it in every program), and so do
///     the arguments of calls that report the machine's or the process's running state
///     (sysinfo, times, getrusage: uptime, load, free memory, CPU time);
///   - statfs's free counts (f_bfree, f_bavail, f_ffree) become …;
///   - an exec is compared by the program it runs (argv and environment differ by design).
/// Counts, sizes, flags, strings and data are kept: they are what a user looks for.  The key is a
/// 64-bit hash, so a run of millions of calls costs 8 bytes a call to compare.
/// </summary>
internal static partial class CallLine
{
    [ThreadStatic] private static ArgWriter? t_result;

    /// <summary>The call as strace shows it with -y: name(args) = result.</summary>
    public static string Display(AssembledCall call)
    {
        var result = t_result ??= new ArgWriter();
        result.Clear();
        Output.StraceFormatter.ReturnText(result, call);
        if (call.HasReturn && !call.Failed) result.Raw(call.FdTarget);
        return string.Concat(call.Syscall.Name, "(", Encoding.UTF8.GetString(call.EntryText), Encoding.UTF8.GetString(call.ExitText),
            ") = ", Encoding.UTF8.GetString(result.Written));
    }

    /// <summary>The compared form of <paramref name="display"/> (see the class comment).</summary>
    /// <param name="isPid">Whether a number is the id of one of the run's threads.</param>
    public static string Normalized(AssembledCall call, string display, Func<long, bool> isPid)
    {
        if (call.Number is Sys.execve or Sys.execveat)
            return $"{call.Syscall.Name}(\"{FirstString(display)}\", …) = {Result(call, isPid)}";
        int open = call.Syscall.Name.Length + 1;
        string args = Encoding.UTF8.GetString(call.EntryText) + Encoding.UTF8.GetString(call.ExitText);
        if (call.Number == Sys.getrandom) args = QuotedString().Replace(args, "\"…\"", 1);
        if (call.Number is Sys.sysinfo or Sys.times or Sys.getrusage) args = "…";
        args = HexNumber().Replace(args, "0x…");
        args = DescriptorWithTarget().Replace(args, "fd<");
        args = TimeField().Replace(args, "$1=…");
        args = InodeName().Replace(args, ":[…]");
        args = Number().Replace(args, m => long.TryParse(m.ValueSpan, out long n) && isPid(n) ? "PID" : m.Value);
        return $"{display[..open]}{args}) = {Result(call, isPid)}";
    }

    private static string Result(AssembledCall call, Func<long, bool> isPid)
    {
        if (!call.HasReturn) return "?";
        if (call.Failed) return "-1 " + Errno.Name(call.Errno);
        if (call.ReturnFormat == ReturnFormat.Hex || call.Number == Sys.times) return "0x…";
        if (call.FdTarget.Length > 0) return "fd" + InodeName().Replace(Encoding.UTF8.GetString(call.FdTarget), ":[…]");
        bool returnsPid = call.Number is Sys.getpid or Sys.gettid or Sys.getppid or Sys.set_tid_address or Sys.clone
            or Sys.clone3 or Sys.fork or Sys.vfork or Sys.wait4 or Sys.waitid;
        return call.ReturnValue > 0 && (returnsPid || isPid(call.ReturnValue)) ? "PID" : call.ReturnValue.ToString();
    }

    public static long Key(string normalized) => Checksum.Fnv1a(System.Runtime.InteropServices.MemoryMarshal.AsBytes(normalized.AsSpan()));

    /// <summary>The first quoted string of a line, still quoted as strace quotes it (the path of a
    /// file call, the program of an exec); null when there is none.</summary>
    public static string? FirstString(string line)
    {
        var m = QuotedString().Match(line);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("0x[0-9a-f]+")]
    private static partial Regex HexNumber();

    [GeneratedRegex(@"(?<![\w""])\d+<")]
    private static partial Regex DescriptorWithTarget();

    [GeneratedRegex(@"\b(tv_sec|tv_nsec|tv_usec|f_bfree|f_bavail|f_ffree)=\d+")]
    private static partial Regex TimeField();

    [GeneratedRegex(@":\[\d+\]")]
    private static partial Regex InodeName();

    [GeneratedRegex(@"(?<![\w.])\d{2,}(?![\w.])")]
    private static partial Regex Number();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex QuotedString();
}
