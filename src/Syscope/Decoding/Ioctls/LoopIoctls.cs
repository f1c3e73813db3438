using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/loop.h&gt; loop device requests (type 'L'): the backing descriptor, the
/// device's status (loop_info, loop_info64) and configuration, and /dev/loop-control's numbers.
/// The device numbers, inode and initial values show with -v; the encryption fields when an
/// encryption type is set or with -v.</summary>
internal sealed unsafe class LoopIoctls : IoctlFamily
{
    private const uint SET_FD = 0x4c00, CLR_FD = 0x4c01, SET_STATUS = 0x4c02, GET_STATUS = 0x4c03;
    private const uint SET_STATUS64 = 0x4c04, GET_STATUS64 = 0x4c05, CHANGE_FD = 0x4c06, SET_CAPACITY = 0x4c07;
    private const uint SET_DIRECT_IO = 0x4c08, SET_BLOCK_SIZE = 0x4c09, CONFIGURE = 0x4c0a;
    private const uint CTL_ADD = 0x4c80, CTL_REMOVE = 0x4c81, CTL_GET_FREE = 0x4c82;

    public override ReadOnlySpan<byte> Types => [(byte)'L'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case CLR_FD or SET_CAPACITY or CTL_GET_FREE: return IoctlArg.Done;
            case SET_FD or CHANGE_FD: Args.Fd(ref c, 2); return IoctlArg.Done;
            case CTL_ADD or CTL_REMOVE: Args.Int(ref c, 2); return IoctlArg.Done;
            case SET_DIRECT_IO or SET_BLOCK_SIZE: Args.ULong(ref c, 2); return IoctlArg.Done;
            case GET_STATUS or GET_STATUS64: return IoctlArg.AtExit;
            case SET_STATUS:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out LoopInfo info)) Info(ref c, info);
                return IoctlArg.Done;
            case SET_STATUS64:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out LoopInfo64 info64)) Info64(ref c, info64);
                return IoctlArg.Done;
            case CONFIGURE:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out LoopConfig config)) Config(ref c, config);
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        if (c.Failed) { c.Out.Ptr(arg); return; }
        if (cmd == GET_STATUS) { if (IoctlArgs.Read(ref c, arg, out LoopInfo info)) Info(ref c, info); }
        else if (IoctlArgs.Read(ref c, arg, out LoopInfo64 info64)) Info64(ref c, info64);
    }

    private static void Info(ref DecodeContext c, LoopInfo i)
    {
        var w = c.Out;
        bool v = c.Unabbreviated;
        w.BeginStruct().Field("lo_number"u8).Int(i.Number);
        if (v)
        {
            w.Field("lo_device"u8);
            StatPrinters.Makedev(w, i.Device);
            w.Field("lo_inode"u8).UInt(i.Inode).Field("lo_rdevice"u8);
            StatPrinters.Makedev(w, i.Rdevice);
        }
        w.Field("lo_offset"u8).Hex((uint)i.Offset);
        bool encrypt = v || i.EncryptType != 0;
        if (encrypt) Encryption(w, (uint)i.EncryptType, (uint)i.EncryptKeySize);
        w.Field("lo_flags"u8);
        BlockConstants.LoopFlags.Print(w, (uint)i.Flags);
        w.Field("lo_name"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(i.Name, 64));
        if (encrypt) Key(ref c, new ReadOnlySpan<byte>(i.EncryptKey, 32), (uint)i.EncryptKeySize);
        if (!v) { w.EndStruct(abbreviated: true); return; }
        Words(w, "lo_init"u8, new ReadOnlySpan<ulong>(i.Init, 2));
        w.Field("reserved"u8).BeginArray();
        for (int k = 0; k < 4; k++) w.Element().Hex(i.Reserved[k]);
        w.EndArray().EndStruct();
    }

    private static void Info64(ref DecodeContext c, LoopInfo64 i)
    {
        var w = c.Out;
        bool v = c.Unabbreviated;
        w.BeginStruct();
        if (v)
        {
            w.Field("lo_device"u8);
            StatPrinters.Makedev(w, i.Device);
            w.Field("lo_inode"u8).UInt(i.Inode).Field("lo_rdevice"u8);
            StatPrinters.Makedev(w, i.Rdevice);
        }
        w.Field("lo_offset"u8).Hex(i.Offset);
        if (v) w.Field("lo_sizelimit"u8).UInt(i.Sizelimit);
        w.Field("lo_number"u8).UInt(i.Number);
        bool encrypt = v || i.EncryptType != 0;
        if (encrypt) Encryption(w, i.EncryptType, i.EncryptKeySize);
        w.Field("lo_flags"u8);
        BlockConstants.LoopFlags.Print(w, i.Flags);
        w.Field("lo_file_name"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(i.FileName, 64));
        if (encrypt)
        {
            w.Field("lo_crypt_name"u8);
            IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(i.CryptName, 64));
            Key(ref c, new ReadOnlySpan<byte>(i.EncryptKey, 32), i.EncryptKeySize);
        }
        if (!v) { w.EndStruct(abbreviated: true); return; }
        Words(w, "lo_init"u8, new ReadOnlySpan<ulong>(i.Init, 2));
        w.EndStruct();
    }

    /// <summary>The backing descriptor, the block size, the status, and the reserved words when set.</summary>
    private static void Config(ref DecodeContext c, LoopConfig config)
    {
        var w = c.Out;
        w.BeginStruct().Field("fd"u8);
        Args.FdValue(ref c, (int)config.Fd, w);
        w.Field("block_size"u8).UInt(config.BlockSize).Field("info"u8);
        Info64(ref c, config.Info);
        var reserved = new ReadOnlySpan<ulong>(config.Reserved, 8);
        if (reserved.ContainsAnyExcept(0UL)) Words(w, "__reserved"u8, reserved);
        w.EndStruct();
    }

    private static void Encryption(ArgWriter w, uint type, uint keySize)
    {
        w.Field("lo_encrypt_type"u8);
        BlockConstants.LoopCryptTypes.Print(w, type);
        w.Field("lo_encrypt_key_size"u8).UInt(keySize);
    }

    /// <summary>The key's bytes as far as its size says, NULs and all.</summary>
    private static void Key(ref DecodeContext c, ReadOnlySpan<byte> key, uint size)
    {
        c.Out.Field("lo_encrypt_key"u8);
        c.Out.Quoted(key[..(int)Math.Min(size, (uint)key.Length)], c.Options.HexStrings, false);
    }

    private static void Words(ArgWriter w, ReadOnlySpan<byte> name, ReadOnlySpan<ulong> words)
    {
        w.Field(name).BeginArray();
        foreach (ulong word in words) w.Element().Hex(word);
        w.EndArray();
    }
}
