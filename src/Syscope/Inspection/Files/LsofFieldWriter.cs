using System.Text;
using Syscope.Text;

namespace Syscope.Inspection.Files;

/// <summary>
/// lsof -F: one field per line (or NUL-terminated with -F0, each set then ending in a newline),
/// a letter then the value: a process set (p PID, K TID and M task command for a -K task, g PGID,
/// R PPID, c command, u UID, L login)
/// followed by one file set per file (f fd, a mode, l lock, t type, G flags, D device or d its
/// text, s size or o offset, i inode, k links, P protocol, n name, T TCP/TPI info), in lsof's
/// order.  p is always written.  Names are escaped as on the screen (UntrustedText).
/// </summary>
internal sealed class LsofFieldWriter(string letters, bool nulTerminated)
{
    /// <summary>The letters -F without a list selects (lsof 4.95's default set).</summary>
    public const string DefaultLetters = "pKMgRcuLfaltGDsoikPnT";
    public const string Known = "pKMgRcuLfaltGDdsoikPnT";

    private bool Has(char c) => c == 'p' || letters.Contains(c);

    public void Write(TextWriter output, IReadOnlyList<ProcessFiles> processes)
    {
        var sb = new StringBuilder(256);
        bool offsets = letters.Contains('o') && letters != DefaultLetters;
        foreach (var p in processes)
        {
            sb.Clear();
            Field(sb, 'p', p.Process.Pid.ToString());
            if (p.Tid != 0 && Has('K')) Field(sb, 'K', p.Tid.ToString());
            if (p.TaskCommand != null && Has('M')) Field(sb, 'M', UntrustedText.Escape(p.TaskCommand));
            if (Has('g')) Field(sb, 'g', p.Process.Pgid.ToString());
            if (Has('R')) Field(sb, 'R', p.Process.Ppid.ToString());
            if (Has('c')) Field(sb, 'c', UntrustedText.Escape(p.Process.Comm));
            if (Has('u')) Field(sb, 'u', p.Process.Uid.ToString());
            if (Has('L')) Field(sb, 'L', p.User);
            EndSet(sb);
            output.Write(sb.ToString());
            foreach (var f in p.Files)
            {
                sb.Clear();
                FileSet(sb, f, offsets);
                EndSet(sb);
                output.Write(sb.ToString());
            }
        }
    }

    private void FileSet(StringBuilder sb, OpenFile f, bool offsets)
    {
        if (Has('f')) Field(sb, 'f', f.Fd);
        if (Has('a')) Field(sb, 'a', f.Mode.ToString());
        if (Has('l')) Field(sb, 'l', f.Lock.ToString());
        if (Has('t')) Field(sb, 't', f.Type);
        if (Has('G') && f.Flags is int flags) Field(sb, 'G', $"0x{flags:x};0x0");
        if (Has('D') && f.Device.Length > 0)
        {
            string? number = f.DeviceNumber is ulong dev ? $"0x{dev:x}" : DeviceNumber(f.Device);
            Field(sb, number != null ? 'D' : 'd', number ?? f.Device);
        }
        if (offsets)
        {
            if (Has('o') && f.Position is long pos) Field(sb, 'o', OpenFileReader.Offset(pos));
        }
        else
        {
            if (Has('s') && f.Offset == null && f.SizeOff.Length > 0) Field(sb, 's', f.SizeOff);
            if (Has('o') && f.Offset is long off) Field(sb, 'o', OpenFileReader.Offset(off));
        }
        if (Has('i') && ulong.TryParse(f.Node, out _)) Field(sb, 'i', f.Node);
        if (Has('k') && f.Links is ulong links) Field(sb, 'k', links.ToString());
        if (Has('P') && f.Inet != null) Field(sb, 'P', f.Node);
        // -E's endpoints follow the name here too (the state goes in a T field).
        if (Has('n')) Field(sb, 'n', UntrustedText.Escape(f.Peers is { } peers ? f.BareName + " " + peers : f.BareName));
        if (!Has('T')) return;
        if (f.Inet is { } s)
        {
            if (s.Protocol == Procfs.InetProtocol.Tcp) Field(sb, 'T', "ST=" + s.StateName);
            Field(sb, 'T', $"QR={s.ReceiveQueue}");
            Field(sb, 'T', $"QS={s.SendQueue}");
        }
        else if (f.Unix is { } u) Field(sb, 'T', "ST=" + u.StateName);
    }

    /// <summary>"254,0" as lsof -F's D field: the dev_t in hex (0xfe00), for rows that carry only the text (mem).</summary>
    private static string? DeviceNumber(string device)
    {
        int comma = device.IndexOf(',');
        if (comma < 0 || !uint.TryParse(device.AsSpan(0, comma), out uint major) || !uint.TryParse(device.AsSpan(comma + 1), out uint minor)) return null;
        ulong dev = ((ulong)(major & 0xfff) << 8) | (minor & 0xff) | ((ulong)(minor & ~0xffu) << 12) | ((ulong)(major & ~0xfffu) << 32);
        return $"0x{dev:x}";
    }

    private void Field(StringBuilder sb, char letter, string value) =>
        sb.Append(letter).Append(value).Append(nulTerminated ? '\0' : '\n');

    private void EndSet(StringBuilder sb)
    {
        if (nulTerminated) sb.Append('\n');
    }
}
