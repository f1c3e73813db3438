using System.Globalization;
using System.Text.RegularExpressions;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Stacks;

/// <summary>One " > module(symbol+0xoff) [0xat]" line of strace -k or syscope trace -k (with
/// " at file:line" under syscope's -kk).</summary>
public sealed record StackFrameLine(string Module, string? Symbol, ulong SymbolOffset, ulong At, string? Source = null)
{
    private static readonly Regex Line = new(@"^ > (?<module>\[[a-z]+\]|[^(\[]+?)(\((?<sym>.*)\+0x(?<off>[0-9a-f]+)\)|\(\))? \[0x(?<at>[0-9a-f]+)\]( at (?<src>.+:\d+))?$");

    public string Where => $"{Module} [0x{At:x}]";

    /// <summary>The stacks of a trace: each run of consecutive frame lines.</summary>
    public static List<List<StackFrameLine>> Stacks(string text)
    {
        var stacks = new List<List<StackFrameLine>>();
        List<StackFrameLine>? current = null;
        foreach (var l in text.Split('\n'))
        {
            var f = Parse(l);
            if (f.Count == 0) { current = null; continue; }
            if (current == null) stacks.Add(current = []);
            current.Add(f[0]);
        }
        return stacks;
    }

    public static List<StackFrameLine> Parse(string text) =>
        text.Split('\n').Select(l => Line.Match(l)).Where(m => m.Success).Select(m => new StackFrameLine(
            m.Groups["module"].Value,
            m.Groups["sym"].Success && m.Groups["sym"].Value.Length > 0 ? m.Groups["sym"].Value : null,
            m.Groups["off"].Success ? ulong.Parse(m.Groups["off"].Value, NumberStyles.HexNumber) : 0,
            ulong.Parse(m.Groups["at"].Value, NumberStyles.HexNumber),
            m.Groups["src"].Success ? m.Groups["src"].Value : null)).ToList();
}

/// <summary>What binutils says a module's symbols are: nm over the file and its separate debug
/// file (by build-id), addresses placed through readelf's LOAD segments.</summary>
public static class Binutils
{
    /// <summary>Whether name is a function of module (or of its debug file by build-id, or of
    /// debugFile) starting at the link-time address of the frame's file offset minus its symbol offset.</summary>
    public static bool Defines(StackFrameLine f, string? debugFile = null)
    {
        if (f.Symbol == null || !ToAddress(f.Module, f.At, out ulong address)) return false;
        ulong start = address - f.SymbolOffset;
        foreach (var file in new[] { f.Module, DebugFile(f.Module), debugFile }.OfType<string>())
            foreach (var args in new[] { new[] { "-C", "--defined-only", file }, ["-D", "-C", "--defined-only", file] })
            {
                var nm = Runner.Run("nm", args);
                foreach (var l in nm.Stdout.Split('\n'))
                {
                    var parts = l.Split(' ', 3);
                    // nm spells a versioned symbol "name@@VERSION".
                    if (parts.Length == 3 && (parts[2] == f.Symbol || parts[2].StartsWith(f.Symbol + "@")) && ulong.TryParse(parts[0], NumberStyles.HexNumber, null, out ulong v) && v == start)
                        return true;
                }
            }
        return false;
    }

    /// <summary>The link-time address of a byte of module, through its LOAD segments.</summary>
    public static bool ToAddress(string module, ulong fileOffset, out ulong address)
    {
        address = 0;
        foreach (var l in Runner.Run("readelf", ["-lW", module]).Stdout.Split('\n'))
        {
            var p = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length < 6 || p[0] != "LOAD") continue;
            ulong off = Convert.ToUInt64(p[1], 16), vaddr = Convert.ToUInt64(p[2], 16), size = Convert.ToUInt64(p[4], 16);
            if (fileOffset < off || fileOffset >= off + size) continue;
            address = fileOffset - off + vaddr;
            return true;
        }
        return false;
    }

    private static string? DebugFile(string module)
    {
        var id = Runner.Run("readelf", ["-n", module]).Stdout.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("Build ID: "))?["Build ID: ".Length..];
        if (id == null || id.Length < 3) return null;
        string path = $"/usr/lib/debug/.build-id/{id[..2]}/{id[2..]}.debug";
        return File.Exists(path) ? path : null;
    }
}
