using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/dm-ioctl.h&gt; device mapper requests (type 0xfd): every one takes a struct
/// dm_ioctl, printed in brackets with the records of its data area after it (target specs, a
/// target message, a new name or geometry going in; specs, dependencies, device names and target
/// versions coming back), those records only with -v; what the kernel answers follows " => ".</summary>
internal sealed unsafe class DmIoctls : IoctlFamily
{
    private const uint VERSION = 0xc138fd00, REMOVE_ALL = 0xc138fd01, LIST_DEVICES = 0xc138fd02, DEV_CREATE = 0xc138fd03;
    private const uint DEV_REMOVE = 0xc138fd04, DEV_RENAME = 0xc138fd05, DEV_SUSPEND = 0xc138fd06, DEV_STATUS = 0xc138fd07;
    private const uint DEV_WAIT = 0xc138fd08, TABLE_LOAD = 0xc138fd09, TABLE_CLEAR = 0xc138fd0a, TABLE_DEPS = 0xc138fd0b;
    private const uint TABLE_STATUS = 0xc138fd0c, LIST_VERSIONS = 0xc138fd0d, TARGET_MSG = 0xc138fd0e;
    private const uint DEV_SET_GEOMETRY = 0xc138fd0f, DEV_ARM_POLL = 0xc138fd10;

    /// <summary>The offsets in the data area of a record's string after its fixed part.</summary>
    private const uint SpecSize = 40, DepsDevOffset = 8, NameListNameOffset = 12, VersionsNameOffset = 16, MsgOffset = 8;

    public override ReadOnlySpan<byte> Types => [0xfd];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        if (Nr(cmd) > 0x10 || cmd != (VERSION | Nr(cmd)) || !TryHeader(ref c, out DmIoctl ioc)) return IoctlArg.Unknown;
        c.Out.Sep();
        Print(ref c, cmd, ioc, entering: true);
        return IoctlArg.Continues;
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        // strace also shows a failed call's header when the kernel changed it; it has no reason to.
        if (c.Failed || !TryHeader(ref c, out DmIoctl ioc)) return;
        c.Out.Raw(" => "u8);
        Print(ref c, cmd, ioc, entering: false);
    }

    /// <summary>The header up to its data area, when it can be read and says it is that long.</summary>
    private static bool TryHeader(ref DecodeContext c, out DmIoctl ioc)
    {
        ioc = default;
        fixed (DmIoctl* p = &ioc)
            return Printers.ReadStruct(ref c, c.Arg(2), new Span<byte>(p, (int)DmIoctl.DataOffset)) == DmIoctl.DataOffset
                && p->DataSize >= 12;
    }

    private static void Print(ref DecodeContext c, uint cmd, DmIoctl ioc, bool entering)
    {
        var w = c.Out;
        w.BeginArray().Element();
        if (Header(ref c, cmd, ioc, entering)) Payload(ref c, cmd, ioc, entering);
        w.EndArray();
    }

    private static bool Header(ref DecodeContext c, uint cmd, DmIoctl ioc, bool entering)
    {
        var w = c.Out;
        w.BeginStruct().Field("version"u8).BeginArray();
        for (int i = 0; i < 3; i++) w.Element().UInt(ioc.Version[i]);
        w.EndArray();
        // Another ABI version's fields may be elsewhere.
        if (ioc.Version[0] != DmConstants.VersionMajor) { w.Raw(" /* unsupported device mapper ABI version */"u8).EndStruct(); return false; }
        w.Field("data_size"u8).UInt(ioc.DataSize);
        if (ioc.DataSize < DmIoctl.DataOffset) { w.Raw(" /* data_size too small */"u8).EndStruct(); return false; }
        if (cmd is not (VERSION or REMOVE_ALL or DEV_CREATE or DEV_REMOVE or DEV_SUSPEND or DEV_STATUS or TABLE_CLEAR or DEV_ARM_POLL))
            w.Field("data_start"u8).UInt(ioc.DataStart);
        if (cmd is not (REMOVE_ALL or LIST_DEVICES or LIST_VERSIONS))
        {
            if (ioc.Dev != 0) { w.Field("dev"u8); StatPrinters.Makedev(w, ioc.Dev); }
            if (ioc.Name[0] != 0) { w.Field("name"u8); IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(ioc.Name, DmIoctl.NameLen)); }
            if (ioc.Uuid[0] != 0) { w.Field("uuid"u8); IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(ioc.Uuid, DmIoctl.UuidLen)); }
        }
        if (entering)
        {
            if (cmd == TABLE_LOAD) w.Field("target_count"u8).UInt(ioc.TargetCount);
            else if (cmd is DEV_RENAME or DEV_REMOVE or DEV_WAIT || (cmd == DEV_SUSPEND && (ioc.Flags & DmConstants.SuspendFlag) == 0))
                w.Field("event_nr"u8).UInt(ioc.EventNr);
        }
        else if (cmd is DEV_CREATE or DEV_RENAME or DEV_SUSPEND or DEV_STATUS or DEV_WAIT or TABLE_LOAD or TABLE_CLEAR or TABLE_DEPS
                 or TABLE_STATUS or TARGET_MSG)
        {
            w.Field("target_count"u8).UInt(ioc.TargetCount).Field("open_count"u8).Int(ioc.OpenCount).Field("event_nr"u8).UInt(ioc.EventNr);
        }
        w.Field("flags"u8);
        DmConstants.Flags.Print(w, ioc.Flags);
        w.EndStruct();
        return true;
    }

    private static void Payload(ref DecodeContext c, uint cmd, DmIoctl ioc, bool entering)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case DEV_WAIT or TABLE_STATUS when !entering: Specs(ref c, arg, ioc, entering); break;
            case TABLE_LOAD when entering: Specs(ref c, arg, ioc, entering); break;
            case TABLE_DEPS when !entering: Deps(ref c, arg, ioc); break;
            case LIST_DEVICES when !entering: Records(ref c, arg, ioc, NameListNameOffset, "struct dm_name_list"u8); break;
            case LIST_VERSIONS when !entering: Records(ref c, arg, ioc, VersionsNameOffset, "struct dm_target_versions"u8); break;
            case TARGET_MSG when entering: Message(ref c, arg, ioc); break;
            case TARGET_MSG when (ioc.Flags & DmConstants.DataOutFlag) != 0: DataString(ref c, arg, ioc); break;
            case DEV_RENAME or DEV_SET_GEOMETRY when entering: DataString(ref c, arg, ioc); break;
        }
    }

    private static void Misplaced(ArgWriter w, ReadOnlySpan<byte> what) => w.Raw("??? /* misplaced "u8).Raw(what).Raw(" */"u8);

    /// <summary>Strings in the data area run at most to its end (none left: "", with no "...").</summary>
    private static void DataText(ref DecodeContext c, ulong addr, uint left)
    {
        if (left == 0) c.Out.Quoted(default, c.Options.HexStrings, false);
        else Printers.String(ref c, addr, (int)Math.Min(left, int.MaxValue));
    }

    private static void Specs(ref DecodeContext c, ulong arg, DmIoctl ioc, bool entering)
    {
        var w = c.Out;
        if (!c.Unabbreviated)
        {
            if (ioc.TargetCount != 0) w.Elided().Raw("..."u8);
            return;
        }
        uint offset = ioc.DataStart, end = 0;
        for (uint i = 0; i < ioc.TargetCount; i++)
        {
            w.Elided();
            if (i > 0 && offset <= end) { Misplaced(w, "struct dm_target_spec"u8); return; }
            end = offset + SpecSize;
            if (end <= offset || end > ioc.DataSize) { Misplaced(w, "struct dm_target_spec"u8); return; }
            if (i >= (uint)c.Options.StringLimit) { w.Raw("..."u8); return; }
            if (!IoctlArgs.Read(ref c, arg + offset, out DmTargetSpec s)) return;
            w.BeginStruct().Field("sector_start"u8).UInt(s.SectorStart).Field("length"u8).UInt(s.Length);
            if (!entering) w.Field("status"u8).Int(s.Status);
            w.Field("target_type"u8);
            IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(s.TargetType, 16));
            w.Field("string"u8);
            DataText(ref c, arg + end, ioc.DataSize - end);
            w.EndStruct();
            // At entry each spec says how far the next one is from it; the kernel's answer counts from the data's start.
            offset = entering ? offset + s.Next : ioc.DataStart + s.Next;
        }
    }

    private static void Deps(ref DecodeContext c, ulong arg, DmIoctl ioc)
    {
        var w = c.Out;
        if (ioc.DataStart == ioc.DataSize) return;
        w.Elided();
        if (!c.Unabbreviated) { w.Raw("..."u8); return; }
        uint offset = ioc.DataStart, end = offset + DepsDevOffset;
        if (end <= offset || end > ioc.DataSize) { Misplaced(w, "struct dm_target_deps"u8); return; }
        if (!IoctlArgs.Read(ref c, arg + offset, out DmTargetDeps d)) return;
        if (d.Count > (ioc.DataSize - end) / 8) { Misplaced(w, "struct dm_target_deps"u8); return; }
        w.BeginStruct().Field("count"u8).UInt(d.Count).Field("deps"u8);
        if (d.Count == 0) w.BeginArray().EndArray();
        else Printers.Array(ref c, arg + end, d.Count, static (ref DecodeContext c, in ulong dev) => StatPrinters.Makedev(c.Out, dev));
        w.EndStruct();
    }

    /// <summary>A chain of records each saying how far the next one is (0: the last): device names
    /// (dev, next, name) or target versions (next, version[3], name).</summary>
    private static void Records(ref DecodeContext c, ulong arg, DmIoctl ioc, uint nameOffset, ReadOnlySpan<byte> what)
    {
        var w = c.Out;
        if (ioc.DataStart == ioc.DataSize) return;
        if (!c.Unabbreviated) { w.Elided().Raw("..."u8); return; }
        bool names = nameOffset == NameListNameOffset;
        uint offset = ioc.DataStart, end = 0;
        Span<uint> head = stackalloc uint[4];
        for (uint count = 0; ; count++)
        {
            w.Elided();
            if (count > 0 && offset <= end) { Misplaced(w, what); return; }
            end = offset + nameOffset;
            if (end <= offset || end > ioc.DataSize) { Misplaced(w, what); return; }
            if (count >= (uint)c.Options.StringLimit) { w.Raw("..."u8); return; }
            if (Printers.ReadStruct(ref c, arg + offset, System.Runtime.InteropServices.MemoryMarshal.AsBytes(head)) != 16) { w.Hex(arg + offset); return; }
            uint next;
            w.BeginStruct();
            if (names)
            {
                next = head[2];
                w.Field("dev"u8);
                StatPrinters.Makedev(w, head[0] | (ulong)head[1] << 32);
                w.Field("name"u8);
                DataText(ref c, arg + end, ioc.DataSize - end);
            }
            else
            {
                next = head[0];
                w.Field("name"u8);
                DataText(ref c, arg + end, ioc.DataSize - end);
                w.Field("version"u8).BeginArray();
                for (int i = 1; i < 4; i++) w.Element().UInt(head[i]);
                w.EndArray();
            }
            w.EndStruct();
            if (next == 0) return;
            offset += next;
        }
    }

    private static void Message(ref DecodeContext c, ulong arg, DmIoctl ioc)
    {
        var w = c.Out;
        if (ioc.DataStart == ioc.DataSize) return;
        w.Elided();
        if (!c.Unabbreviated) { w.Raw("..."u8); return; }
        uint offset = ioc.DataStart, end = offset + MsgOffset;
        if (end <= offset || end > ioc.DataSize) { Misplaced(w, "struct dm_target_msg"u8); return; }
        if (!IoctlArgs.Read(ref c, arg + offset, out ulong sector)) return;
        w.BeginStruct().Field("sector"u8).UInt(sector).Field("message"u8);
        DataText(ref c, arg + end, ioc.DataSize - end);
        w.EndStruct();
    }

    private static void DataString(ref DecodeContext c, ulong arg, DmIoctl ioc)
    {
        var w = c.Out;
        w.Elided();
        if (!c.Unabbreviated) { w.Raw("..."u8); return; }
        if (ioc.DataStart > ioc.DataSize) { w.Raw("??? /* misplaced string */"u8); return; }
        w.BeginStruct().Field("string"u8);
        DataText(ref c, arg + ioc.DataStart, ioc.DataSize - ioc.DataStart);
        w.EndStruct();
    }
}
