namespace Syscope.Cli.Commands;

/// <summary>-u USER: the uid and gid from /etc/passwd, by name only (strace 6.1 refuses "-u 0" too).</summary>
public static class Passwd
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
}
