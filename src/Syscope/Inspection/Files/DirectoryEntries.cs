using Syscope.Interop;

namespace Syscope.Inspection.Files;

/// <summary>
/// The files lsof +d DIR and +D DIR search for: the directory itself and its entries (+D: every
/// level below), each known by device and inode as lsof matches open files.  As in lsof, entries
/// on another file system (a mount point below DIR) and symbolic links are left out unless -x f
/// and -x l (or -x) ask to cross them; a followed link stands for the file it leads to.
/// </summary>
internal static class DirectoryEntries
{
    public static Dictionary<(string Device, ulong Inode), string> Collect(string dir, FileStat top, bool recursive, bool crossFileSystems, bool followLinks)
    {
        var entries = new Dictionary<(string, ulong), string> { [Key(top)] = dir };
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.TryPop(out string? current))
        {
            IEnumerable<string> names;
            try { names = Directory.EnumerateFileSystemEntries(current, "*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }).ToList(); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            foreach (string path in names)
            {
                if (FileStatus.Lstat(path, out var st) != 0) continue;
                if (!crossFileSystems && st.Device != top.Device) continue;
                if (st.Type == FileStat.S_IFLNK && (!followLinks || FileStatus.Stat(path, out st) != 0)) continue;
                // A directory already entered (reached again through a followed link) is not walked twice.
                if (entries.TryAdd(Key(st), path) && recursive && st.Type == FileStat.S_IFDIR) pending.Push(path);
            }
        }
        return entries;
    }

    /// <summary>The device as lsof's DEVICE column shows it: a device node's own number, any other
    /// file's file system.</summary>
    public static (string Device, ulong Inode) Key(FileStat st)
    {
        ulong dev = st.Type is FileStat.S_IFCHR or FileStat.S_IFBLK ? st.RDevice : st.Device;
        return ($"{FileStat.Major(dev)},{FileStat.Minor(dev)}", st.Inode);
    }
}
