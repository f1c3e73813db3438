namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/watchdog.h&gt; requests of type 'W': timeouts and status as ints.</summary>
internal sealed class WatchdogIoctls : IoctlFamily
{
    private const uint WDIOC_GETSTATUS = 0x80045701, WDIOC_GETBOOTSTATUS = 0x80045702, WDIOC_GETTEMP = 0x80045703;
    private const uint WDIOC_KEEPALIVE = 0x80045705, WDIOC_SETTIMEOUT = 0xc0045706, WDIOC_GETTIMEOUT = 0x80045707;
    private const uint WDIOC_SETPRETIMEOUT = 0xc0045708, WDIOC_GETPRETIMEOUT = 0x80045709, WDIOC_GETTIMELEFT = 0x8004570a;

    public override ReadOnlySpan<byte> Types => [(byte)'W'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        switch (cmd)
        {
            case WDIOC_GETSTATUS or WDIOC_GETBOOTSTATUS or WDIOC_GETTEMP or WDIOC_GETTIMEOUT or WDIOC_GETPRETIMEOUT
                or WDIOC_GETTIMELEFT:
                return IoctlArg.AtExit;
            case WDIOC_SETTIMEOUT or WDIOC_SETPRETIMEOUT: c.Out.Sep(); Args.IntRef(ref c, c.Arg(2)); return IoctlArg.Done;
            case WDIOC_KEEPALIVE: return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        if (c.Failed) c.Out.Ptr(c.Arg(2)); else Args.IntRef(ref c, c.Arg(2));
    }
}

/// <summary>&lt;linux/inotify.h&gt; requests of type 'I': the next watch descriptor, an int.</summary>
internal sealed class InotifyIoctls : IoctlFamily
{
    private const uint INOTIFY_IOC_SETNEXTWD = 0x40044900;

    public override ReadOnlySpan<byte> Types => [(byte)'I'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        if (cmd != INOTIFY_IOC_SETNEXTWD) return IoctlArg.Unknown;
        Args.Int(ref c, 2);
        return IoctlArg.Done;
    }
}
