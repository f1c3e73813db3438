namespace Syscope.Cli.Commands;

/// <summary>-u USER: the uid and gid from /etc/passwd, by name only (strace 6.1 refuses "-u 0" too).</summary>
internal static class Passwd
{
    public static (int Uid, int Gid)? Lookup(string user, string path = "/etc/passwd")
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException) { return null; }
        foreach (string line in lines)
        {
            // name:password:uid:gid:gecos:home:shell
            string[] f = line.Split(':');
            if (f.Length >= 4 && f[0] == user && int.TryParse(f[2], out int uid) && int.TryParse(f[3], out int gid))
                return (uid, gid);
        }
        return null;
    }

    /// <summary>Every user name, in the order of the file (what -u completes).</summary>
    public static IEnumerable<string> Names(string path = "/etc/passwd")
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException) { return []; }
        return lines.Select(l => l.Split(':')[0]).Where(n => n.Length > 0 && !n.StartsWith('#'));
    }

    /// <summary>initgroups(3)'s list: the primary group and every /etc/group entry naming the user.</summary>
    public static uint[] Groups(string user, int primaryGid, string path = "/etc/group")
    {
        var groups = new List<uint> { (uint)primaryGid };
        try
        {
            foreach (string line in File.ReadAllLines(path))
            {
                // name:password:gid:member,member
                string[] f = line.Split(':');
                if (f.Length >= 4 && uint.TryParse(f[2], out uint gid) && f[3].Split(',').Contains(user) && !groups.Contains(gid))
                    groups.Add(gid);
            }
        }
        catch (IOException) { }
        return groups.ToArray();
    }

    /// <summary>A group's ID from /etc/group, by name.</summary>
    public static uint? GroupId(string group, string path = "/etc/group")
    {
        try
        {
            foreach (string line in File.ReadAllLines(path))
            {
                string[] f = line.Split(':');
                if (f.Length >= 3 && f[0] == group && uint.TryParse(f[2], out uint gid)) return gid;
            }
        }
        catch (IOException) { }
        return null;
    }
}
