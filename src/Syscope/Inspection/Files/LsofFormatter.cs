using Syscope.Text;

namespace Syscope.Inspection.Files;

/// <summary>
/// lsof's text layout: COMMAND and USER left-aligned, numbers right-aligned, each column as wide
/// as its widest cell (or its title), except the FD column, which lsof keeps 4 wide, followed
/// by the mode and lock letters.
/// COMMAND is cut to 9 characters as lsof cuts it by default.  COMMAND and NAME are the
/// process's and the file system's bytes, escaped in lsof's notation (UntrustedText).
/// </summary>
public static class LsofFormatter
{
    public const int CommandLimit = 9;
    private const int FdWidth = 4;

    /// <summary>lsof's FD column is 4 wide: fd 10002 prints as "*002".</summary>
    public static string FdColumn(string fd) => fd.Length > FdWidth ? "*" + fd[^(FdWidth - 1)..] : fd;

    public static void Write(TextWriter output, IReadOnlyList<ProcessFiles> processes, bool withPeers = false)
    {
        int wCmd = 7, wPid = 3, wUser = 4, wType = 4, wDev = 6, wSize = 8, wNode = 4;
        foreach (var p in processes)
        {
            wCmd = Math.Max(wCmd, CommandWidth(p.Process.Comm));
            wPid = Math.Max(wPid, p.Process.Pid.ToString().Length);
            wUser = Math.Max(wUser, p.User.Length);
            foreach (var f in p.Files)
            {
                wType = Math.Max(wType, f.Type.Length);
                wDev = Math.Max(wDev, f.Device.Length);
                wSize = Math.Max(wSize, f.SizeOff.Length);
                wNode = Math.Max(wNode, f.Node.Length);
            }
        }
        var line = new System.Text.StringBuilder(256);
        line.Append("COMMAND".PadRight(wCmd)).Append(' ').Append("PID".PadLeft(wPid)).Append(' ')
            .Append("USER".PadRight(wUser)).Append(' ').Append("FD".PadLeft(FdWidth)).Append("   ")
            .Append("TYPE".PadLeft(wType)).Append(' ').Append("DEVICE".PadLeft(wDev)).Append(' ')
            .Append("SIZE/OFF".PadLeft(wSize)).Append(' ').Append("NODE".PadLeft(wNode)).Append(" NAME");
        output.WriteLine(line.ToString());
        foreach (var p in processes)
        {
            string cmd = UntrustedText.Escape(p.Process.Comm, wCmd, bytewise: true), pid = p.Process.Pid.ToString();
            foreach (var f in p.Files)
            {
                line.Clear();
                line.Append(cmd.PadRight(wCmd)).Append(' ').Append(pid.PadLeft(wPid)).Append(' ')
                    .Append(p.User.PadRight(wUser)).Append(' ').Append(FdColumn(f.Fd).PadLeft(FdWidth)).Append(f.Mode).Append(f.Lock)
                    .Append(' ').Append(f.Type.PadLeft(wType)).Append(' ').Append(f.Device.PadLeft(wDev)).Append(' ')
                    .Append(f.SizeOff.PadLeft(wSize)).Append(' ').Append(f.Node.PadLeft(wNode)).Append(' ')
                    .Append(UntrustedText.Escape(withPeers ? f.NameWithPeers : f.Name));
                output.WriteLine(line.ToString());
            }
        }
    }

    /// <summary>
    /// How wide lsof makes the COMMAND column for a name: its own count of the bytes, at most 9:
    /// 1 for printable ASCII, 2 for a backslash, a control byte or any byte above 0x7e (it counts
    /// those as if shown as ^X), 4 for DEL.  Each row then shows, byte by byte (é is \xc3\xa9 in
    /// this column only), the escapes that fit whole in the column's width.
    /// </summary>
    public static int CommandWidth(string comm)
    {
        int width = 0;
        foreach (byte b in UntrustedText.ToBytes(comm))
        {
            width += b == 0x7f ? 4 : b is >= 0x20 and < 0x7f && b != '\\' ? 1 : 2;
            if (width >= CommandLimit) return CommandLimit;
        }
        return width;
    }
}
