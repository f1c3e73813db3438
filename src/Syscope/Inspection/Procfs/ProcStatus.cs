namespace Syscope.Inspection.Procfs;

/// <summary>The fields of /proc/PID/status that inspection uses.</summary>
/// <remarks>Uid is the real user ID; Euid the effective one and Gid the real group ID (pgrep -u, -U, -G).</remarks>
internal readonly record struct ProcStatus(string Name, char State, int Tgid, int Ppid, uint Uid, int Threads, uint Euid = 0, uint Gid = 0)
{
    /// <summary>The PID of the process tracing this one (ptrace), 0 when none.</summary>
    public int TracerPid { get; init; }
    /// <summary>The signals the process catches (SigCgt) and ignores (SigIgn), bit N-1 for signal N.</summary>
    public ulong Caught { get; init; }
    public ulong Ignored { get; init; }

    public static bool TryParse(ReadOnlySpan<char> text, out ProcStatus status)
    {
        string name = "";
        char state = '?';
        int tgid = 0, ppid = 0, threads = 0, tracer = 0;
        ulong caught = 0, ignored = 0;
        uint uid = 0, euid = 0, gid = 0;
        bool sawName = false, sawUid = false;
        foreach (var line in text.EnumerateLines())
        {
            int colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon];
            var value = line[(colon + 1)..].TrimStart(" \t");
            switch (key)
            {
                case "Name": name = Unescape(value); sawName = true; break;
                case "State": if (!value.IsEmpty) state = value[0]; break;
                case "Tgid": int.TryParse(value, out tgid); break;
                case "PPid": int.TryParse(value, out ppid); break;
                case "Threads": int.TryParse(value, out threads); break;
                case "TracerPid": int.TryParse(value, out tracer); break;
                case "SigCgt": ulong.TryParse(value, System.Globalization.NumberStyles.HexNumber, null, out caught); break;
                case "SigIgn": ulong.TryParse(value, System.Globalization.NumberStyles.HexNumber, null, out ignored); break;
                case "Uid":
                    sawUid = uint.TryParse(Field(value, 0), out uid);
                    uint.TryParse(Field(value, 1), out euid);
                    break;
                case "Gid": uint.TryParse(Field(value, 0), out gid); break;
            }
        }
        status = new ProcStatus(name, state, tgid, ppid, uid, threads, euid, gid) { TracerPid = tracer, Caught = caught, Ignored = ignored };
        return sawName && sawUid;
    }

    /// <summary>The n-th of the tab-separated ids on a Uid: or Gid: line (real, effective, saved, fs).</summary>
    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> value, int n)
    {
        for (; n > 0; n--)
        {
            int tab = value.IndexOfAny('\t', ' ');
            if (tab < 0) return [];
            value = value[(tab + 1)..].TrimStart(" \t");
        }
        int end = value.IndexOfAny('\t', ' ');
        return end < 0 ? value : value[..end];
    }

    /// <summary>The kernel escapes '\n' as "\n" and '\\' as "\\" in the Name line.</summary>
    private static string Unescape(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('\\') < 0) return value.ToString();
        var sb = new System.Text.StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                char n = value[++i];
                sb.Append(n == 'n' ? '\n' : n);
            }
            else sb.Append(value[i]);
        }
        return sb.ToString();
    }
}
