using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/nsfs.h&gt; namespace requests (type 0xb7): the namespace type returned names
/// its CLONE_NEW* flag after the value, the owner's uid is written back.</summary>
internal sealed class NsfsIoctls : IoctlFamily
{
    private const uint NS_GET_USERNS = 0xb701, NS_GET_PARENT = 0xb702, NS_GET_NSTYPE = 0xb703, NS_GET_OWNER_UID = 0xb704;

    public override ReadOnlySpan<byte> Types => [0xb7];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd) => cmd switch
    {
        NS_GET_USERNS or NS_GET_PARENT => IoctlArg.Done,
        NS_GET_NSTYPE => IoctlArg.Continues,
        NS_GET_OWNER_UID => IoctlArg.AtExit,
        _ => IoctlArg.Unknown,
    };

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        if (cmd == NS_GET_NSTYPE)
        {
            // strace names the type only when it is one: another value stands alone.
            if (!c.Failed && IoctlConstants.NamespaceTypes.TryName((ulong)c.ReturnValue, out _))
                IoctlConstants.NamespaceTypes.Print(c.Aux, (ulong)c.ReturnValue);
            return;
        }
        if (c.Failed) { c.Out.Ptr(c.Arg(2)); return; }
        if (IoctlArgs.Read(ref c, c.Arg(2), out uint uid)) c.Out.Raw((byte)'[').UInt(uid).Raw((byte)']');
    }
}
