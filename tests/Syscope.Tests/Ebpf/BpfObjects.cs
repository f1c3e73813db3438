using System.Text.Json;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Ebpf;

/// <summary>The BPF programs, links and maps a process holds (its descriptors' fdinfo names their
/// ids), and which of them the kernel still has (bpftool): precise even while other processes load
/// syscope's programs at the same time.</summary>
public static class BpfObjects
{
    /// <summary>"prog N", "link N", "map N" for every BPF object pid holds a descriptor of.</summary>
    public static HashSet<string> OwnedBy(int pid)
    {
        var owned = new HashSet<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            string? target;
            try { target = new FileInfo(fd).LinkTarget; }
            catch (IOException) { continue; }
            if (target == null || !target.StartsWith("anon_inode:bpf")) continue;
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/fdinfo/{Path.GetFileName(fd)}"))
                    foreach (var (key, kind) in new[] { ("prog_id:", "prog"), ("link_id:", "link"), ("map_id:", "map") })
                        if (line.StartsWith(key)) owned.Add($"{kind} {line[key.Length..].Trim()}");
            }
            catch (IOException) { }
        }
        return owned;
    }

    /// <summary>Those of objects the kernel still has.</summary>
    public static HashSet<string> StillLoaded(IEnumerable<string> objects)
    {
        var loaded = new HashSet<string>();
        foreach (var kind in new[] { "prog", "link", "map" })
            foreach (var o in JsonDocument.Parse(Runner.Run("bpftool", ["-j", kind, "show"]).Stdout).RootElement.EnumerateArray())
                loaded.Add($"{kind} {o.GetProperty("id").GetInt32()}");
        loaded.IntersectWith(objects);
        return loaded;
    }

    /// <summary>The kernel frees a link and its program after an RCU grace period once the last
    /// descriptor closes: waits up to 5 s for all of them to go.</summary>
    public static void AssertAllGone(IReadOnlySet<string> objects)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (StillLoaded(objects).Count > 0 && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.Empty(StillLoaded(objects));
    }
}
