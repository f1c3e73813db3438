using Syscope.Events;
using Syscope.Filtering;

namespace Syscope.Decoding;

/// <summary>--decode-pids (-e decode-pids=): what is printed after a pid.  -Y is Comm,
/// --pidns-translation is PidNs.</summary>
[Flags]
public enum PidDecoding : byte
{
    None = 0,
    /// <summary>The process's name now: "1234&lt;sh&gt;" (thread and process ids only).</summary>
    Comm = 1,
    /// <summary>The id in syscope's pid namespace when the tracee's differs: "1 /* 1234 in strace's PID NS */".</summary>
    PidNs = 2,
    All = Comm | PidNs,
}

/// <summary>Reads a --decode-pids set, as strace 6.1 does: a later one replaces an earlier one.</summary>
internal static class PidDecodingSet
{
    /// <summary>The items of a set ("all" and "none" aside).</summary>
    public static readonly Text.WordTable<PidDecoding> Words = new(("comm", PidDecoding.Comm), ("pidns", PidDecoding.PidNs));

    public static PidDecoding Parse(string text) => SetSyntax.ParseFlags(text, "decode-pids", PidDecoding.All, Words.Find);
}

/// <summary>
/// What follows a pid under -Y and --decode-pids=pidns, for the thread whose call or signal is
/// being printed (its pid namespace is the one the id belongs to).  The default prints nothing.
/// strace's comment says "strace's PID NS": the trace text is strace's, byte for byte.
/// </summary>
internal readonly struct PidNotes(PidDecoding set, IHostFacts? host, int tid)
{
    public bool IsEmpty => set == PidDecoding.None || host == null;

    /// <summary>The id, then its notes.</summary>
    public void Write(ArgWriter w, long id, PidKind kind = PidKind.Process)
    {
        w.Int(id);
        After(w, id, kind);
    }

    /// <summary>kill's and wait4's pid: a process when positive, a process group when below -1.</summary>
    public void WriteProcessOrGroup(ArgWriter w, long id)
    {
        w.Int(id);
        if (id > 0) After(w, id, PidKind.Process);
        else if (id < -1) After(w, -id, PidKind.Group);
    }

    /// <summary>Only the notes: "&lt;comm&gt;" and the translation comment.</summary>
    public void After(ArgWriter w, long id, PidKind kind)
    {
        if (IsEmpty || id <= 0 || id > int.MaxValue) return;
        int ours = host!.PidInOurNamespace(tid, (int)id, kind);
        if (ours == 0) return;
        if ((set & PidDecoding.Comm) != 0 && kind == PidKind.Process)
        {
            Span<byte> comm = stackalloc byte[64];
            int n = host.CurrentComm(ours, comm);
            if (n > 0) w.Raw((byte)'<').Escaped(comm[..n], 0, angles: true).Raw((byte)'>');
        }
        if ((set & PidDecoding.PidNs) != 0 && ours != id) w.Raw(" /* "u8).Int(ours).Raw(" in strace's PID NS */"u8);
    }
}
