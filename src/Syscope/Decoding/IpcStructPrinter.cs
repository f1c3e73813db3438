using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>The shmid64_ds, msqid64_ds and semid64_ds of IPC_STAT and IPC_SET (&lt;asm/shmbuf.h&gt;,
/// &lt;asm/msgbuf.h&gt;, &lt;asm/sembuf.h&gt;, all starting with &lt;asm-generic/ipcbuf.h&gt;'s
/// ipc64_perm): IPC_SET shows only what the kernel takes from it.</summary>
internal static class IpcStructPrinter
{
    public enum Kind : byte { Shm, Msg, Sem }

    public static void Print(ref DecodeContext c, Kind kind, ulong addr, bool set)
    {
        var w = c.Out;
        switch (kind)
        {
            case Kind.Shm:
                if (!Printers.TryRead(ref c, addr, out ShmidDs s)) { w.Ptr(addr); return; }
                PrintPerm(w.BeginStruct().Field("shm_perm"u8), in s.Perm, set);
                if (!set)
                {
                    w.Field("shm_segsz"u8).UInt(s.Segsz);
                    w.Field("shm_cpid"u8);
                    c.PidNotes.Write(w, s.Cpid);
                    w.Field("shm_lpid"u8);
                    c.PidNotes.Write(w, s.Lpid);
                    w.Field("shm_nattch"u8).UInt(s.Nattch);
                    w.Field("shm_atime"u8).Int(s.Atime);
                    w.Field("shm_dtime"u8).Int(s.Dtime);
                    w.Field("shm_ctime"u8).Int(s.Ctime);
                }
                break;
            case Kind.Msg:
                if (!Printers.TryRead(ref c, addr, out MsqidDs m)) { w.Ptr(addr); return; }
                PrintPerm(w.BeginStruct().Field("msg_perm"u8), in m.Perm, set);
                if (!set)
                {
                    w.Field("msg_stime"u8).Int(m.Stime);
                    w.Field("msg_rtime"u8).Int(m.Rtime);
                    w.Field("msg_ctime"u8).Int(m.Ctime);
                    w.Field("msg_qnum"u8).UInt(m.Qnum);
                }
                w.Field("msg_qbytes"u8).UInt(m.Qbytes);
                if (!set)
                {
                    w.Field("msg_lspid"u8);
                    c.PidNotes.Write(w, m.Lspid);
                    w.Field("msg_lrpid"u8);
                    c.PidNotes.Write(w, m.Lrpid);
                }
                break;
            default:
                if (!Printers.TryRead(ref c, addr, out SemidDs d)) { w.Ptr(addr); return; }
                PrintPerm(w.BeginStruct().Field("sem_perm"u8), in d.Perm, set);
                if (!set)
                {
                    w.Field("sem_otime"u8).Int(d.Otime);
                    w.Field("sem_ctime"u8).Int(d.Ctime);
                    w.Field("sem_nsems"u8).UInt(d.Nsems);
                }
                break;
        }
        w.EndStruct();
    }

    private static ReadOnlySpan<byte> MsgInfoNames => "msgpool\0msgmap\0msgmax\0msgmnb\0msgmni\0msgssz\0msgtql\0"u8;
    private static ReadOnlySpan<byte> SemInfoNames => "semmap\0semmni\0semmns\0semmnu\0semmsl\0semopm\0semume\0semusz\0semvmx\0semaem\0"u8;

    /// <summary>The limits IPC_INFO reports (struct shminfo, msginfo, seminfo), or SHM_INFO's usage
    /// (struct shm_info); MSG_INFO and SEM_INFO fill the same structures as IPC_INFO.</summary>
    public static void PrintInfo(ref DecodeContext c, Kind kind, ulong addr, bool shmUsage)
    {
        var w = c.Out;
        if (kind == Kind.Shm && shmUsage)
        {
            if (!Printers.TryRead(ref c, addr, out ShmInfo u)) { w.Ptr(addr); return; }
            w.BeginStruct().Field("used_ids"u8).Int(u.UsedIds);
            w.Field("shm_tot"u8).UInt(u.Tot);
            w.Field("shm_rss"u8).UInt(u.Rss);
            w.Field("shm_swp"u8).UInt(u.Swp);
            w.Field("swap_attempts"u8).UInt(u.SwapAttempts);
            w.Field("swap_successes"u8).UInt(u.SwapSuccesses);
            w.EndStruct();
            return;
        }
        if (kind == Kind.Shm)
        {
            Span<ulong> l = stackalloc ulong[5];
            if (Printers.ReadStruct(ref c, addr, System.Runtime.InteropServices.MemoryMarshal.AsBytes(l)) != 40) { w.Ptr(addr); return; }
            w.BeginStruct().Field("shmmax"u8).UInt(l[0]);
            w.Field("shmmin"u8).UInt(l[1]);
            w.Field("shmmni"u8).UInt(l[2]);
            w.Field("shmseg"u8).UInt(l[3]);
            w.Field("shmall"u8).UInt(l[4]);
            w.EndStruct();
            return;
        }
        Span<int> v = stackalloc int[10];
        int count = kind == Kind.Msg ? 8 : 10;
        if (Printers.ReadStruct(ref c, addr, System.Runtime.InteropServices.MemoryMarshal.AsBytes(v[..count])) != count * 4) { w.Ptr(addr); return; }
        var names = kind == Kind.Msg ? MsgInfoNames : SemInfoNames;
        w.BeginStruct();
        for (int i = 0; i < count; i++)
        {
            if (kind == Kind.Msg && i == 7) { w.Field("msgseg"u8).UInt((ushort)v[i]); break; }
            int end = names.IndexOf((byte)0);
            w.Field(names[..end]).Int(v[i]);
            names = names[(end + 1)..];
        }
        w.EndStruct();
    }

    private static void PrintPerm(ArgWriter w, in IpcPerm p, bool set)
    {
        w.BeginStruct().Field("uid"u8).UInt(p.Uid);
        w.Field("gid"u8).UInt(p.Gid);
        w.Field("mode"u8).Octal(p.Mode);
        if (!set)
        {
            w.Field("key"u8).Int(p.Key);
            w.Field("cuid"u8).UInt(p.Cuid);
            w.Field("cgid"u8).UInt(p.Cgid);
        }
        w.EndStruct();
    }
}
