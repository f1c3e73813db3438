namespace Syscope.Inspection.Procfs;

/// <summary>What a process's /proc/PID/mountinfo says is mounted from a device number: the mount
/// source and filesystem type ("/dev/sda1", "ext4"), so a wait on a file can name the disk behind it.</summary>
internal static class MountInfo
{
    public static (string Source, string FsType)? Of(int pid, ulong device)
    {
        string? text = ProcText.TryRead($"/proc/{pid}/mountinfo");
        if (text == null) return null;
        // The kernel's new_encode_dev split: 12 bits of major above 8 bits of minor, the rest higher.
        ulong major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfffUL);
        ulong minor = (device & 0xff) | ((device >> 12) & ~0xffUL);
        string key = $"{major}:{minor}";
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ');
            if (fields.Length < 10 || fields[2] != key) continue;
            // Optional fields end with "-"; the filesystem type and the source follow it.
            int dash = Array.IndexOf(fields, "-", 6);
            if (dash < 0 || dash + 2 >= fields.Length) continue;
            return (Unescape(fields[dash + 2]), Unescape(fields[dash + 1]));
        }
        return null;
    }

    /// <summary>What is mounted, in the mount table's order (/proc/self/mounts): each mount point
    /// and its file system type, as lsof reads them with getmntent.</summary>
    public static List<(string Dir, string FsType)> Mounts()
    {
        var list = new List<(string, string)>();
        foreach (var line in (ProcText.TryRead("/proc/self/mounts") ?? "").Split('\n'))
        {
            var fields = line.Split(' ');
            if (fields.Length >= 3) list.Add((Unescape(fields[1]), Unescape(fields[2])));
        }
        return list;
    }

    /// <summary>The device of the POSIX message queue file system, when one is mounted here (lsof
    /// knows a queue by it: TYPE PSXMQ); null when none is, and queues are then plain files to lsof.</summary>
    public static ulong? MqueueDevice()
    {
        foreach (var (dir, type) in Mounts())
            if (type == "mqueue" && Interop.FileStatus.Stat(dir, out var st) == 0) return st.Device;
        return null;
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as three octal digits (\040).</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var text = new System.Text.StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length
                && field.AsSpan(i + 1, 3).IndexOfAnyExceptInRange('0', '7') < 0)
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else text.Append(field[i]);
        }
        return text.ToString();
    }
}
