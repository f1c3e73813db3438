using Syscope.Kernel;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Filtering;

/// <summary>
/// -e inject=SET:error=E|retval=N[:signal=S][:syscall=NAME][:delay_enter=T][:delay_exit=T][:when=W]
/// and -e fault=SET[:error=E][:syscall=NAME][:when=W] (fault is inject with ENOSYS by default and
/// no signal or delay).  Rules observed from strace 6.1: inject needs at least one action; error,
/// retval, signal, syscall and each delay may appear once; when= may repeat and the last wins; any
/// fault is reported as "invalid inject argument 'TEXT'" (or "invalid fault argument").
/// </summary>
internal static class InjectionParser
{
    private const int MaxFirstOrStep = 65535, MaxLast = 65534, MaxErrno = 4095;

    /// <param name="warn">Receives strace's non-fatal warnings (a retval that looks like an error).</param>
    public static InjectionRule Parse(string text, bool fault, Action<string>? warn = null)
    {
        string[] parts = text.Split(':');
        var set = SyscallSet.Parse(parts[0]);
        UserError Invalid() => new($"invalid {(fault ? "fault" : "inject")} argument {Text.UntrustedText.Quote(text)}");

        int error = 0, signal = 0;
        long? retval = null;
        int? substitute = null;
        long? delayEnter = null, delayExit = null;
        List<(int, byte[])>? pokeEnter = null, pokeExit = null;
        (long First, long Last, long Step) when = (1, long.MaxValue, 1);
        foreach (string part in parts.Skip(1))
        {
            int eq = part.IndexOf('=');
            if (eq < 0) throw Invalid();
            string key = part[..eq], value = part[(eq + 1)..];
            bool ok = key switch
            {
                "error" => error == 0 && retval == null && TryErrno(value, out error),
                "retval" => !fault && error == 0 && retval == null && TryRetval(value, out retval),
                "signal" => !fault && signal == 0 && TrySignal(value, out signal),
                "syscall" => substitute == null && TryPure(value, out substitute),
                "delay_enter" => !fault && delayEnter == null && TryDelay(value, out delayEnter),
                "delay_exit" => !fault && delayExit == null && TryDelay(value, out delayExit),
                "when" => TryWhen(value, out when),
                "poke_enter" => !fault && pokeEnter == null && TryPokes(value, out pokeEnter),
                "poke_exit" => !fault && pokeExit == null && TryPokes(value, out pokeExit),
                _ => false,
            };
            if (!ok) throw Invalid();
        }
        if (fault && error == 0) error = Errno.ENOSYS;
        if (error == 0 && retval == null && signal == 0 && delayEnter == null && delayExit == null
            && pokeEnter == null && pokeExit == null) throw Invalid();
        if (retval is long r && warn != null) WarnIfErrorLike(r, warn);
        return new InjectionRule
        {
            Syscalls = set,
            Error = error,
            Retval = retval,
            Signal = signal,
            SubstituteSyscall = substitute,
            DelayEnterMicros = delayEnter ?? 0,
            DelayExitMicros = delayExit ?? 0,
            First = when.First,
            Last = when.Last,
            Step = when.Step,
            PokeEnter = pokeEnter ?? [],
            PokeExit = pokeExit ?? [],
        };
    }

    /// <summary>"@arg1=0000DEAD,@arg3=41": argument numbers 1..6, each with an even run of hex digits.</summary>
    private static bool TryPokes(string value, out List<(int, byte[])>? pokes)
    {
        pokes = new List<(int, byte[])>();
        foreach (string item in value.Split(','))
        {
            if (item.Length < 7 || !item.StartsWith("@arg") || item[5] != '=' || item[4] < '1' || item[4] > '6') return false;
            string hex = item[6..];
            if (hex.Length == 0 || hex.Length % 2 != 0 || hex.Length > 2048 || !hex.All(Uri.IsHexDigit)) return false;
            pokes.Add((item[4] - '0', Convert.FromHexString(hex)));
        }
        return pokes.Count > 0;
    }

    /// <summary>A name (any case) or 1..4095, as strtol would read it.</summary>
    private static bool TryErrno(string value, out int errno)
    {
        errno = CInteger.TryParse(value, out long n) ? (n is > 0 and <= MaxErrno ? (int)n : 0) : Errno.Parse(value.ToUpperInvariant());
        if (errno < 0) errno = 0;
        return errno != 0;
    }

    /// <summary>Any 64-bit value, decimal or 0x hex, negative ones taken as their unsigned form.</summary>
    private static bool TryRetval(string value, out long? retval)
    {
        retval = null;
        if (!CInteger.TryParse(value, out long n, allowHex: true, allowUnsigned64: true)) return false;
        retval = n;
        return true;
    }

    private static bool TrySignal(string value, out int signal)
    {
        signal = SignalNames.Parse(value);
        if (signal <= 0) signal = 0;
        return signal != 0;
    }

    /// <summary>strace only substitutes calls without side effects: the %pure class.</summary>
    private static bool TryPure(string value, out int? nr)
    {
        nr = SyscallTable.ByName(value) is { } row && (row.Classes & SyscallClass.Pure) != 0 ? row.Number : null;
        return nr != null;
    }

    /// <summary>A time in microseconds by default, or with a unit (<see cref="TimeSpec"/>).</summary>
    private static bool TryDelay(string value, out long? micros)
    {
        micros = TimeSpec.TryParseNanos(value, TimeSpec.Microsecond, out long ns) ? ns / 1000 : null;
        return micros != null;
    }

    /// <summary>first[..last][+[step]]; "first" alone is that call only, a bare '+' means step 1.</summary>
    private static bool TryWhen(string value, out (long First, long Last, long Step) when)
    {
        when = default;
        string range = value, step = "";
        int plus = value.IndexOf('+');
        if (plus >= 0) { range = value[..plus]; step = value[(plus + 1)..]; }
        string first = range, last = "";
        int dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0) { first = range[..dots]; last = range[(dots + 2)..]; }
        if (!CInteger.TryParse(first, out long f) || f < 1 || f > MaxFirstOrStep) return false;
        long l = plus >= 0 ? long.MaxValue : f, s = 1;
        if (dots >= 0 && !(CInteger.TryParse(last, out l) && l >= f && l <= MaxLast)) return false;
        if (step.Length > 0 && !(CInteger.TryParse(step, out s) && s >= 1 && s <= MaxFirstOrStep)) return false;
        when = (f, l, s);
        return true;
    }

    private static void WarnIfErrorLike(long retval, Action<string> warn)
    {
        ulong u = (ulong)retval;
        if (u > ulong.MaxValue - MaxErrno)
            warn($"Inadvertent injection of error {-retval} is possible for retval={u}");
        else if (u <= uint.MaxValue && u > uint.MaxValue - MaxErrno)
            warn($"Inadvertent injection of error {uint.MaxValue - u + 1} is possible in compat personality for retval={u}");
    }
}
