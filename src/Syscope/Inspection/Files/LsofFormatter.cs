using Syscope.Text;

namespace Syscope.Inspection.Files;

/// <summary>
/// lsof's text layout: COMMAND left-aligned, USER and numbers right-aligned, each column as wide
/// as its widest cell (or its title).  The FD column, followed by the mode and lock letters, is
/// as wide as lsof's own FD strings: 4 for numbers (fd 10002 prints as "*002") and for cwd and
/// rtd (which lsof spells " cwd", " rtd"), 3 for txt, mem and DEL; so `-d txt` alone is narrower.
/// COMMAND is cut to 9 characters as lsof cuts it by default.  COMMAND and NAME are the
/// process's and the file system's bytes, escaped in lsof's notation (UntrustedText).
/// </summary>
internal static class LsofFormatter
{
    public const int CommandLimit = 9;
    private const int FdWidth = 4;

    /// <summary>The FD cell as lsof spells it before padding: "*002" for fd 10002, "   3", " cwd", "txt".</summary>
    public static string FdColumn(string fd) =>
        fd.Length > FdWidth ? "*" + fd[^(FdWidth - 1)..] : fd is "cwd" or "rtd" || fd.All(char.IsAsciiDigit) ? fd.PadLeft(FdWidth) : fd;

    public static void Write(TextWriter output, IReadOnlyList<ProcessFiles> processes, bool withPeers = false) =>
        Write(output, processes, new LsofColumns(Peers: withPeers));

    public static void Write(TextWriter output, IReadOnlyList<ProcessFiles> processes, LsofColumns columns)
    {
        string sizeTitle = columns.SizeOff switch { SizeOffColumn.Size => "SIZE", SizeOffColumn.Offset => "OFFSET", _ => "SIZE/OFF" };
        int limit = columns.CommandLimit == 0 ? int.MaxValue : columns.CommandLimit;
        int wFd = 2, wCmd = 7, wPid = 3, wTid = 3, wTaskCmd = 7, wPpid = 4, wPgid = 4, wUser = columns.NumericUids ? 8 : 4, wType = 4, wDev = 6, wSize = sizeTitle.Length, wLinks = 5, wNode = 4;
        foreach (var p in processes)
        {
            wCmd = Math.Max(wCmd, CommandWidth(p.Process.Comm, limit));
            wPid = Math.Max(wPid, p.Process.Pid.ToString().Length);
            if (p.Tid != 0) wTid = Math.Max(wTid, p.Tid.ToString().Length);
            if (p.TaskCommand != null) wTaskCmd = Math.Max(wTaskCmd, CommandWidth(p.TaskCommand, limit));
            wPpid = Math.Max(wPpid, p.Process.Ppid.ToString().Length);
            wPgid = Math.Max(wPgid, p.Process.Pgid.ToString().Length);
            wUser = Math.Max(wUser, UserText(p, columns).Length);
            foreach (var f in p.Files)
            {
                wFd = Math.Max(wFd, FdColumn(f.Fd).Length);
                wType = Math.Max(wType, f.Type.Length);
                wDev = Math.Max(wDev, f.Device.Length);
                wSize = Math.Max(wSize, SizeOff(f, columns.SizeOff).Length);
                wLinks = Math.Max(wLinks, LinkText(f).Length);
                wNode = Math.Max(wNode, f.Node.Length);
            }
        }
        var line = new System.Text.StringBuilder(256);
        line.Append("COMMAND".PadRight(wCmd)).Append(' ').Append("PID".PadLeft(wPid)).Append(' ');
        if (columns.Tasks) line.Append("TID".PadLeft(wTid)).Append(' ').Append("TASKCMD".PadRight(wTaskCmd)).Append(' ');
        if (columns.Ppid) line.Append("PPID".PadLeft(wPpid)).Append(' ');
        if (columns.Pgid) line.Append("PGID".PadLeft(wPgid)).Append(' ');
        line.Append("USER".PadLeft(wUser)).Append(' ').Append("FD".PadLeft(wFd)).Append("   ")
            .Append("TYPE".PadLeft(wType)).Append(' ').Append("DEVICE".PadLeft(wDev)).Append(' ')
            .Append(sizeTitle.PadLeft(wSize)).Append(' ');
        if (columns.Links) line.Append("NLINK".PadLeft(wLinks)).Append(' ');
        line.Append("NODE".PadLeft(wNode)).Append(" NAME");
        output.WriteLine(line.ToString());
        foreach (var p in processes)
        {
            string cmd = UntrustedText.Escape(p.Process.Comm, wCmd, bytewise: true), pid = p.Process.Pid.ToString(), user = UserText(p, columns);
            string tid = p.Tid == 0 ? "" : p.Tid.ToString();
            string taskCmd = p.TaskCommand == null ? "" : UntrustedText.Escape(p.TaskCommand, wTaskCmd, bytewise: true);
            foreach (var f in p.Files)
            {
                line.Clear();
                line.Append(cmd.PadRight(wCmd)).Append(' ').Append(pid.PadLeft(wPid)).Append(' ');
                if (columns.Tasks) line.Append(tid.PadLeft(wTid)).Append(' ').Append(taskCmd.PadRight(wTaskCmd)).Append(' ');
                if (columns.Ppid) line.Append(p.Process.Ppid.ToString().PadLeft(wPpid)).Append(' ');
                if (columns.Pgid) line.Append(p.Process.Pgid.ToString().PadLeft(wPgid)).Append(' ');
                line.Append(user.PadLeft(wUser)).Append(' ')
                    .Append(FdColumn(f.Fd).PadLeft(wFd)).Append(f.Mode).Append(f.Lock)
                    .Append(' ').Append(f.Type.PadLeft(wType)).Append(' ').Append(f.Device.PadLeft(wDev)).Append(' ')
                    .Append(SizeOff(f, columns.SizeOff).PadLeft(wSize)).Append(' ');
                if (columns.Links) line.Append(LinkText(f).PadLeft(wLinks)).Append(' ');
                line.Append(f.Node.PadLeft(wNode)).Append(' ').Append(UntrustedText.Escape(NameText(f, columns)));
                output.WriteLine(line.ToString());
            }
        }
    }

    private static string LinkText(OpenFile f) => f.Links?.ToString() ?? "";

    private static string NameText(OpenFile f, LsofColumns columns) =>
        columns.Peers ? f.NameWithPeers : columns.TcpInfo == TcpInfo.State ? f.Name : f.NameWithTcpInfo(columns.TcpInfo);

    private static string UserText(ProcessFiles p, LsofColumns columns) => columns.NumericUids ? p.Process.Uid.ToString() : p.User;

    /// <summary>The SIZE/OFF cell, or lsof -s's SIZE (blank where the row shows an offset) or
    /// -o's OFFSET (the fd's position, blank for cwd, txt and mem rows).</summary>
    public static string SizeOff(OpenFile f, SizeOffColumn column) => column switch
    {
        SizeOffColumn.Size => f.Offset == null ? f.SizeOff : "",
        SizeOffColumn.Offset => f.Position is long pos ? OpenFileReader.Offset(pos) : "",
        _ => f.SizeOff,
    };

    /// <summary>
    /// How wide lsof makes the COMMAND column for a name: its own count of the bytes, at most 9:
    /// 1 for printable ASCII, 2 for a backslash, a control byte or any byte above 0x7e (it counts
    /// those as if shown as ^X), 4 for DEL.  Each row then shows, byte by byte (é is \xc3\xa9 in
    /// this column only), the escapes that fit whole in the column's width.
    /// </summary>
    public static int CommandWidth(string comm, int limit = CommandLimit)
    {
        int width = 0;
        foreach (byte b in UntrustedText.ToBytes(comm))
        {
            width += b == 0x7f ? 4 : b is >= 0x20 and < 0x7f && b != '\\' ? 1 : 2;
            if (width >= limit) return limit;
        }
        return width;
    }
}

internal enum SizeOffColumn { Both, Size, Offset }

/// <summary>The optional columns of lsof's screen: -K (TID and TASKCMD), -R (PPID), -g (PGID),
/// -l (numeric UIDs), -s (SIZE) or -o (OFFSET) instead of SIZE/OFF, +L (NLINK), -E endpoints and
/// -T's TCP/TPI facts in NAME, and +c W's COMMAND and TASKCMD width (0: the whole name).</summary>
internal sealed record LsofColumns(bool Ppid = false, bool Pgid = false, bool NumericUids = false,
    SizeOffColumn SizeOff = SizeOffColumn.Both, bool Peers = false, int CommandLimit = LsofFormatter.CommandLimit,
    bool Tasks = false, bool Links = false, TcpInfo TcpInfo = TcpInfo.State);
