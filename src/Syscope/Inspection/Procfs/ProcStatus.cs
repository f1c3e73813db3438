namespace Syscope.Inspection.Procfs;

/// <summary>The fields of /proc/PID/status that inspection uses.</summary>
public readonly record struct ProcStatus(string Name, char State, int Tgid, int Ppid, uint Uid, int Threads)
{
    public static bool TryParse(ReadOnlySpan<char> text, out ProcStatus status)
    {
        string name = "";
        char state = '?';
        int tgid = 0, ppid = 0, threads = 0;
        uint uid = 0;
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
                case "Uid":
                    int tab = value.IndexOfAny('\t', ' ');
                    sawUid = uint.TryParse(tab < 0 ? value : value[..tab], out uid);
                    break;
            }
        }
        status = new ProcStatus(name, state, tgid, ppid, uid, threads);
        return sawName && sawUid;
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
