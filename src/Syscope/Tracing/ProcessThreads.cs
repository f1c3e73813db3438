namespace Syscope.Tracing;

/// <summary>A process's threads and a thread's process, from /proc, for attaching with -p.</summary>
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
    public static int TgidOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("Tgid:", StringComparison.Ordinal) && int.TryParse(line.AsSpan(5).Trim(), out int tgid)) return tgid;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return pid;
    }
}
