using Syscope.Inspection.Procfs;

namespace Syscope.Cli.Commands;

/// <summary>The IDs of pgrep's selection lists as procps reads them: a number (procps's
/// strict_atol: an optional sign and digits; an empty item is 0), else a name from /etc/passwd or
/// /etc/group; process group and session 0 mean the caller's own.  Null: not an ID.</summary>
internal static class IdWords
{
    public static long? Number(string text)
    {
        int at = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        long value = 0;
        for (int i = at; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return null;
            value = value * 10 + (text[i] - '0');
        }
        return at == 1 && text[0] == '-' ? -value : value;
    }

    public static long? User(string text) => Number(text) ?? Passwd.Lookup(text)?.Uid;

    public static long? Group(string text) => Number(text) ?? Passwd.GroupId(text);

    public static long? ProcessGroup(string text) => Number(text) is long n ? (n == 0 ? Own().Pgrp : n) : null;

    public static long? Session(string text) => Number(text) is long n ? (n == 0 ? Own().Session : n) : null;

    private static ProcStat Own() => ProcStat.TryRead("/proc/self/stat", out var st) ? st : default;
}
