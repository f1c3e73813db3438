using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/tee.h&gt; trusted execution environment requests (type 0xa4): the driver's
/// version, shared memory, and the calls whose argument (struct tee_ioctl_buf_data) points to a
/// structure followed by its parameters: sessions, invocations and the supplicant's requests.</summary>
internal sealed unsafe class TeeIoctls : IoctlFamily
{
    private const uint VERSION = 0x800ca400, SHM_ALLOC = 0xc010a401, OPEN_SESSION = 0x8010a402, INVOKE = 0x8010a403;
    private const uint CANCEL = 0x8008a404, CLOSE_SESSION = 0x8004a405, SUPPL_RECV = 0x8010a406, SUPPL_SEND = 0x8010a407;
    private const uint SHM_REGISTER_FD = 0xc020a408, SHM_REGISTER = 0xc018a409;

    /// <summary>TEE_MAX_ARG_SIZE: the kernel refuses a longer structure.</summary>
    private const ulong MaxArgSize = 1024;

    public override ReadOnlySpan<byte> Types => [0xa4];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        if (cmd == VERSION) return IoctlArg.AtExit;
        if (cmd is not (SHM_ALLOC or OPEN_SESSION or INVOKE or CANCEL or CLOSE_SESSION or SUPPL_RECV or SUPPL_SEND
            or SHM_REGISTER_FD or SHM_REGISTER)) return IoctlArg.Unknown;
        w.Sep();
        switch (cmd)
        {
            case CANCEL:
                if (IoctlArgs.Read(ref c, arg, out TeeCancelArg cancel))
                    w.BeginStruct().Field("cancel_id"u8).UInt(cancel.CancelId).Field("session"u8).Hex(cancel.Session).EndStruct();
                return IoctlArg.Done;
            case CLOSE_SESSION:
                if (IoctlArgs.Read(ref c, arg, out uint session)) w.BeginStruct().Field("session"u8).Hex(session).EndStruct();
                return IoctlArg.Done;
            case SHM_ALLOC:
                if (!IoctlArgs.Read(ref c, arg, out TeeShmAllocData alloc)) return IoctlArg.Done;
                w.BeginStruct().Field("size"u8).Hex(alloc.Size).Field("flags"u8);
                TeeConstants.ShmFlags.Print(w, alloc.Flags);
                w.EndStruct();
                return IoctlArg.Continues;
            case SHM_REGISTER_FD:
                if (!IoctlArgs.Read(ref c, arg, out TeeShmRegisterFdData byFd)) return IoctlArg.Done;
                w.BeginStruct().Field("fd"u8);
                Args.FdValue(ref c, (int)byFd.Fd, w);
                w.Field("flags"u8);
                TeeConstants.ShmFlags.Print(w, byFd.Flags);
                w.EndStruct();
                return IoctlArg.Continues;
            case SHM_REGISTER:
                if (!IoctlArgs.Read(ref c, arg, out TeeShmRegisterData reg)) return IoctlArg.Done;
                w.BeginStruct().Field("addr"u8).Ptr(reg.Addr).Field("length"u8).Hex(reg.Length).Field("flags"u8);
                TeeConstants.ShmFlags.Print(w, reg.Flags);
                w.EndStruct();
                return IoctlArg.Continues;
            case OPEN_SESSION:
                {
                    if (!Fetch(ref c, arg, entering: true, out TeeBufData buf, out TeeOpenSessionArg s, out ulong @params)) return IoctlArg.Done;
                    BeginBuf(w, buf);
                    w.Field("uuid"u8);
                    IoctlArgs.Uuid(w, new ReadOnlySpan<byte>(s.Uuid, 16));
                    w.Field("clnt_login"u8);
                    TeeConstants.LoginTypes.Print(w, s.ClntLogin);
                    var client = new ReadOnlySpan<byte>(s.ClntUuid, 16);
                    // Not a UUID: the group the client asks to log in as, when it logs in by group.
                    if (s.ClntLogin is TeeConstants.LoginGroup or TeeConstants.LoginGroupApplication)
                        Args.IdValue(w.Field("clnt_uuid"u8), BitConverter.ToUInt32(client));
                    else if (!TeeConstants.LoginTypes.TryName(s.ClntLogin, out _))
                    {
                        w.Field("clnt_uuid"u8).BeginArray();
                        foreach (byte b in client) w.Element().Hex(b);
                        w.EndArray();
                    }
                    w.Field("cancel_id"u8).UInt(s.CancelId).Field("num_params"u8).UInt(s.NumParams);
                    Params(ref c, @params, s.NumParams);
                    w.EndStruct();
                    return IoctlArg.Continues;
                }
            case INVOKE:
                {
                    if (!Fetch(ref c, arg, entering: true, out TeeBufData buf, out TeeInvokeArg inv, out ulong @params)) return IoctlArg.Done;
                    BeginBuf(w, buf);
                    w.Field("func"u8).UInt(inv.Func).Field("session"u8).Hex(inv.Session).Field("cancel_id"u8).UInt(inv.CancelId)
                        .Field("num_params"u8).UInt(inv.NumParams);
                    Params(ref c, @params, inv.NumParams);
                    w.EndStruct();
                    return IoctlArg.Continues;
                }
            default:
                {
                    if (!Fetch(ref c, arg, entering: true, out TeeBufData buf, out TeeSuppArg supp, out ulong @params)) return IoctlArg.Done;
                    BeginBuf(w, buf);
                    if (cmd == SUPPL_RECV) w.Field("func"u8).UInt(supp.FuncOrRet);
                    w.Field("num_params"u8).UInt(supp.NumParams);
                    Params(ref c, @params, supp.NumParams);
                    w.EndStruct();
                    return IoctlArg.Continues;
                }
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        bool bufCall = cmd is OPEN_SESSION or INVOKE or SUPPL_RECV or SUPPL_SEND;
        if (cmd == VERSION)
        {
            if (c.Failed) { w.Ptr(arg); return; }
            if (!IoctlArgs.Read(ref c, arg, out TeeVersionData v)) return;
            w.BeginStruct().Field("impl_id"u8);
            TeeConstants.ImplIds.Print(w, v.ImplId);
            w.Field("gen_caps"u8);
            TeeConstants.GenCaps.Print(w, v.GenCaps);
            w.Field("impl_caps"u8);
            if (v.ImplId == TeeConstants.ImplOptee) TeeConstants.OpteeCaps.Print(w, v.ImplCaps); else w.Hex(v.ImplCaps);
            w.EndStruct();
            return;
        }
        if (c.Failed)
        {
            if (bufCall) w.EndStruct();
            return;
        }
        w.Raw(" => "u8);
        switch (cmd)
        {
            case SHM_ALLOC:
                if (!IoctlArgs.Read(ref c, arg, out TeeShmAllocData alloc)) return;
                w.BeginStruct().Field("size"u8).Hex(alloc.Size).Field("flags"u8);
                TeeConstants.ShmFlags.Print(w, alloc.Flags);
                w.Field("id"u8).Int(alloc.Id).EndStruct();
                return;
            case SHM_REGISTER_FD:
                if (IoctlArgs.Read(ref c, arg, out TeeShmRegisterFdData byFd))
                    w.BeginStruct().Field("size"u8).Hex(byFd.Size).Field("id"u8).Int(byFd.Id).EndStruct();
                return;
            case SHM_REGISTER:
                if (!IoctlArgs.Read(ref c, arg, out TeeShmRegisterData reg)) return;
                w.BeginStruct().Field("length"u8).Hex(reg.Length).Field("flags"u8);
                TeeConstants.ShmFlags.Print(w, reg.Flags);
                w.Field("id"u8).Int(reg.Id).EndStruct();
                return;
            case OPEN_SESSION:
                {
                    if (!Fetch(ref c, arg, entering: false, out _, out TeeOpenSessionArg s, out ulong @params)) return;
                    w.BeginStruct().Field("session"u8).Hex(s.Session).Field("ret"u8).UInt(s.Ret).Field("ret_origin"u8);
                    TeeConstants.Origins.Print(w, s.RetOrigin);
                    Params(ref c, @params, s.NumParams);
                    break;
                }
            case INVOKE:
                {
                    if (!Fetch(ref c, arg, entering: false, out _, out TeeInvokeArg inv, out ulong @params)) return;
                    w.BeginStruct().Field("ret"u8).UInt(inv.Ret).Field("ret_origin"u8);
                    TeeConstants.Origins.Print(w, inv.RetOrigin);
                    Params(ref c, @params, inv.NumParams);
                    break;
                }
            default:
                if (!SupplicantAnswer(ref c, cmd, arg)) return;
                break;
        }
        w.EndStruct().EndStruct();
    }

    /// <summary>The supplicant's receive gives back how many parameters it filled; its send, the result.</summary>
    private static bool SupplicantAnswer(ref DecodeContext c, uint cmd, ulong arg)
    {
        if (!Fetch(ref c, arg, entering: false, out _, out TeeSuppArg supp, out ulong @params)) return false;
        var w = c.Out;
        w.BeginStruct();
        if (cmd == SUPPL_RECV) w.Field("num_params"u8).UInt(supp.NumParams);
        else w.Field("ret"u8).UInt(supp.FuncOrRet);
        Params(ref c, @params, supp.NumParams);
        return true;
    }

    private static void BeginBuf(ArgWriter w, in TeeBufData buf) =>
        w.BeginStruct().Field("buf_len"u8).UInt(buf.BufLen).Field("buf_ptr"u8).BeginStruct();

    private static void PrintBuf(ArgWriter w, in TeeBufData buf) =>
        w.BeginStruct().Field("buf_len"u8).UInt(buf.BufLen).Field("buf_ptr"u8).Ptr(buf.BufPtr).EndStruct();

    /// <summary>Reads the argument and the structure it points to (T, the part before params[]);
    /// prints what it could when that fails, or, at entry, when the length the argument gives is
    /// not the structure's with its parameters (the kernel refuses those).</summary>
    private static bool Fetch<T>(ref DecodeContext c, ulong arg, bool entering, out TeeBufData buf, out T head, out ulong @params)
        where T : unmanaged
    {
        head = default;
        @params = 0;
        if (!IoctlArgs.Read(ref c, arg, out buf)) return false;
        ulong size = (ulong)sizeof(T);
        if (buf.BufLen > MaxArgSize || buf.BufLen < size || !Printers.TryRead(ref c, buf.BufPtr, out T read)) { PrintBuf(c.Out, buf); return false; }
        head = read;
        // Every head ends with num_params.
        uint count = *(uint*)((byte*)&read + size - 4);
        if (entering && size + (ulong)sizeof(TeeParam) * count != buf.BufLen) { PrintBuf(c.Out, buf); return false; }
        if (count != 0) @params = buf.BufPtr + size;
        return true;
    }

    private static void Params(ref DecodeContext c, ulong addr, uint count)
    {
        c.Out.Field("params"u8);
        if (count == 0) { c.Out.BeginArray().EndArray(); return; }
        Printers.Array(ref c, addr, count, static (ref DecodeContext c, in TeeParam p) => Param(c.Out, p));
    }

    private static void Param(ArgWriter w, in TeeParam p)
    {
        w.BeginStruct().Field("attr"u8);
        TeeConstants.ParamTypes.Print(w, p.Attr & ~TeeConstants.AttrMeta);
        if ((p.Attr & TeeConstants.AttrMeta) != 0) w.Raw("|TEE_IOCTL_PARAM_ATTR_META"u8);
        switch (p.Attr)
        {
            case TeeConstants.AttrNone: break;
            case TeeConstants.AttrMemrefInput or TeeConstants.AttrMemrefOutput or TeeConstants.AttrMemrefInout:
                w.Field("shm_offs"u8).Hex(p.A).Field("size"u8).Hex(p.B).Field("shm_id"u8).UInt(p.C);
                break;
            default:
                w.Field("a"u8).Hex(p.A).Field("b"u8).Hex(p.B).Field("c"u8).Hex(p.C);
                break;
        }
        w.EndStruct();
    }
}
