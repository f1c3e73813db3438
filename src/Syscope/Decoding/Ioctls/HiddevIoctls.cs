namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/hidraw.h&gt; and &lt;linux/hiddev.h&gt; requests (type 'H') whose number carries
/// the buffer's length, which strace names with it (HIDIOCGPHYS(8)); their arguments print in hex.</summary>
internal sealed class HiddevIoctls : IoctlFamily
{
    public override ReadOnlySpan<byte> Types => [(byte)'H'];

    public override bool PrintRequest(ArgWriter w, uint cmd, bool inComment)
    {
        var name = (Dir(cmd), Nr(cmd)) switch
        {
            (Read, 0x04) => "HIDIOCGRAWNAME("u8,
            (Read, 0x05) => "HIDIOCGRAWPHYS("u8,
            (Read or (Read | Write), 0x06) => "HIDIOCSFEATURE("u8,
            (Read | Write, 0x07) => "HIDIOCGFEATURE("u8,
            (Read, 0x08) => "HIDIOCGRAWUNIQ("u8,
            (Read, 0x12) => "HIDIOCGPHYS("u8,
            _ => default,
        };
        if (name.IsEmpty) return false;
        w.Raw(name).UInt(Size(cmd)).Raw((byte)')');
        return true;
    }

    public override IoctlArg Entry(ref DecodeContext c, uint cmd) => IoctlArg.Unknown;
}
