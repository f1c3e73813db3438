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
                PrintPerm(w.Raw("{shm_perm="u8), in s.Perm, set);
                if (!set)
                {
                    w.Raw(", shm_segsz="u8).UInt(s.Segsz).Raw(", shm_cpid="u8);
                    c.PidNotes.Write(w, s.Cpid);
                    w.Raw(", shm_lpid="u8);
                    c.PidNotes.Write(w, s.Lpid);
                    w.Raw(", shm_nattch="u8).UInt(s.Nattch).Raw(", shm_atime="u8).Int(s.Atime).Raw(", shm_dtime="u8).Int(s.Dtime)
                        .Raw(", shm_ctime="u8).Int(s.Ctime);
                }
                break;
            case Kind.Msg:
                if (!Printers.TryRead(ref c, addr, out MsqidDs m)) { w.Ptr(addr); return; }
                PrintPerm(w.Raw("{msg_perm="u8), in m.Perm, set);
                if (!set)
                    w.Raw(", msg_stime="u8).Int(m.Stime).Raw(", msg_rtime="u8).Int(m.Rtime).Raw(", msg_ctime="u8).Int(m.Ctime)
                        .Raw(", msg_qnum="u8).UInt(m.Qnum);
                w.Raw(", msg_qbytes="u8).UInt(m.Qbytes);
                if (!set)
                {
                    w.Raw(", msg_lspid="u8);
                    c.PidNotes.Write(w, m.Lspid);
                    w.Raw(", msg_lrpid="u8);
                    c.PidNotes.Write(w, m.Lrpid);
                }
                break;
            default:
                if (!Printers.TryRead(ref c, addr, out SemidDs d)) { w.Ptr(addr); return; }
                PrintPerm(w.Raw("{sem_perm="u8), in d.Perm, set);
                if (!set) w.Raw(", sem_otime="u8).Int(d.Otime).Raw(", sem_ctime="u8).Int(d.Ctime).Raw(", sem_nsems="u8).UInt(d.Nsems);
                break;
        }
        w.Raw((byte)'}');
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
            w.Raw("{used_ids="u8).Int(u.UsedIds).Raw(", shm_tot="u8).UInt(u.Tot).Raw(", shm_rss="u8).UInt(u.Rss)
                .Raw(", shm_swp="u8).UInt(u.Swp).Raw(", swap_attempts="u8).UInt(u.SwapAttempts)
                .Raw(", swap_successes="u8).UInt(u.SwapSuccesses).Raw((byte)'}');
            return;
        }
        if (kind == Kind.Shm)
        {
            Span<ulong> l = stackalloc ulong[5];
            if (Printers.ReadStruct(ref c, addr, System.Runtime.InteropServices.MemoryMarshal.AsBytes(l)) != 40) { w.Ptr(addr); return; }
            w.Raw("{shmmax="u8).UInt(l[0]).Raw(", shmmin="u8).UInt(l[1]).Raw(", shmmni="u8).UInt(l[2])
                .Raw(", shmseg="u8).UInt(l[3]).Raw(", shmall="u8).UInt(l[4]).Raw((byte)'}');
            return;
        }
        Span<int> v = stackalloc int[10];
        int count = kind == Kind.Msg ? 8 : 10;
        if (Printers.ReadStruct(ref c, addr, System.Runtime.InteropServices.MemoryMarshal.AsBytes(v[..count])) != count * 4) { w.Ptr(addr); return; }
        var names = kind == Kind.Msg ? MsgInfoNames : SemInfoNames;
        w.Raw((byte)'{');
        for (int i = 0; i < count; i++)
        {
            if (i > 0) w.Raw(", "u8);
            if (kind == Kind.Msg && i == 7) { w.Raw("msgseg="u8).UInt((ushort)v[i]); break; }
            int end = names.IndexOf((byte)0);
            w.Raw(names[..end]).Raw((byte)'=').Int(v[i]);
            names = names[(end + 1)..];
        }
        w.Raw((byte)'}');
    }

    private static void PrintPerm(ArgWriter w, in IpcPerm p, bool set)
    {
        w.Raw("{uid="u8).UInt(p.Uid).Raw(", gid="u8).UInt(p.Gid).Raw(", mode="u8).Octal(p.Mode);
        if (!set) w.Raw(", key="u8).Int(p.Key).Raw(", cuid="u8).UInt(p.Cuid).Raw(", cgid="u8).UInt(p.Cgid);
        w.Raw((byte)'}');
    }
}
