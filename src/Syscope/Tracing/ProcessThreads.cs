namespace Syscope.Tracing;

/// <summary>A process's threads, a thread's process and a process's parent, from /proc.</summary>
internal static class ProcessThreads
{
    /// <summary>pid first, then its other threads (none when it is gone or hidden from us).</summary>
    public static List<int> Of(int pid)
    {
        var list = new List<int> { pid };
        try
        {
            foreach (var dir in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                if (int.TryParse(Path.GetFileName(dir), out int tid) && tid != pid) list.Add(tid);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return list;
    }

    /// <summary>The process a -p id belongs to (itself, unless it names a thread).</summary>
    public static int TgidOf(int pid) => StatusField(pid, "Tgid:") ?? pid;

    /// <summary>The process that made this one (0 when it is gone).</summary>
    public static int ParentOf(int pid) => StatusField(pid, "PPid:") ?? 0;

    private static int? StatusField(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal) && int.TryParse(line.AsSpan(field.Length).Trim(), out int value)) return value;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
