using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>A fact that skips, with the reason shown in the test report, when the machine lacks
/// what it needs: root, or a program such as gcc, lsof or mariadbd.</summary>
public sealed class InspectionFactAttribute : FactAttribute
{
    public InspectionFactAttribute(params string[] programs)
    {
        if (Machine.MissingRequirement(programs) is { } reason) Skip = reason;
    }
}

public static class Machine
{
    public static bool IsRoot => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:") && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");

    public static string? Find(string program)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin", "/sbin"]);
        return dirs.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    public static string? MissingRequirement(string[] programs)
    {
        if (!IsRoot) return "needs root to read other processes' /proc files and memory";
        foreach (var p in programs)
            if (Find(p) == null) return $"needs {p}: install the Debian packages listed in .ci/apt-packages";
        return null;
    }
}
