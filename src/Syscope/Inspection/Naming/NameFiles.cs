using System.Net;

namespace Syscope.Inspection.Naming;

/// <summary>
/// /etc/hosts, /etc/services and /etc/passwd as lookup tables.  Only the files are consulted,
/// never DNS or NSS modules: an inspector must answer at once, even with the network down.
/// </summary>
internal static class NameFiles
{
    /// <summary>Address → first name listed for it, as gethostbyaddr answers from /etc/hosts.</summary>
    public static Dictionary<IPAddress, string> ParseHosts(ReadOnlySpan<char> text)
    {
        var map = new Dictionary<IPAddress, string>();
        Span<Range> f = stackalloc Range[3];
        foreach (var raw in text.EnumerateLines())
        {
            var line = StripComment(raw);
            int n = line.SplitAny(f, [' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (n < 2 || !IPAddress.TryParse(line[f[0]], out var ip)) continue;
            var name = line[f[1]];
            int space = name.IndexOfAny(' ', '\t');
            map.TryAdd(ip, (space < 0 ? name : name[..space]).ToString());
        }
        return map;
    }

    /// <summary>(port, "tcp"|"udp") → service name, first entry wins as in getservbyport.</summary>
    public static Dictionary<(int Port, string Protocol), string> ParseServices(ReadOnlySpan<char> text)
    {
        var map = new Dictionary<(int, string), string>();
        Span<Range> f = stackalloc Range[3];
        foreach (var raw in text.EnumerateLines())
        {
            var line = StripComment(raw);
            int n = line.SplitAny(f, [' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (n < 2) continue;
            var portProto = line[f[1]];
            int slash = portProto.IndexOf('/');
            if (slash < 0 || !int.TryParse(portProto[..slash], out int port)) continue;
            map.TryAdd((port, portProto[(slash + 1)..].ToString()), line[f[0]].ToString());
        }
        return map;
    }

    /// <summary>uid → login name from /etc/passwd (name:x:uid:...).</summary>
    public static Dictionary<uint, string> ParsePasswd(ReadOnlySpan<char> text)
    {
        var map = new Dictionary<uint, string>();
        Span<Range> f = stackalloc Range[4];
        foreach (var line in text.EnumerateLines())
        {
            if (line.Split(f, ':') < 4 || !uint.TryParse(line[f[2]], out uint uid)) continue;
            map.TryAdd(uid, line[f[0]].ToString());
        }
        return map;
    }

    private static ReadOnlySpan<char> StripComment(ReadOnlySpan<char> line)
    {
        int hash = line.IndexOf('#');
        return (hash < 0 ? line : line[..hash]).Trim();
    }

    public static string ReadOrEmpty(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
