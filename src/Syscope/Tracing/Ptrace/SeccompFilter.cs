using System.Buffers.Binary;
using Syscope.Filtering;

namespace Syscope.Tracing.Ptrace;

/// <summary>
/// The classic-BPF seccomp program that makes only traced calls stop (SECCOMP_RET_TRACE) and lets
/// every other call run without the tracer (SECCOMP_RET_ALLOW), as strace --seccomp-bpf does.
/// Calls of another ABI (i386, x32) always stop: the table only knows x86_64 numbers.
/// </summary>
internal static class SeccompFilter
{
    // <linux/filter.h>, <linux/bpf_common.h>, <linux/seccomp.h>, <linux/audit.h>
    private const ushort LdAbsW = 0x20, JeqK = 0x15, JgeK = 0x35, RetK = 0x06;
    private const uint RetTrace = 0x7ff00000, RetAllow = 0x7fff0000, ArchX86_64 = 0xc000003e, X32Bit = 0x40000000;
    private const int OffsetNr = 0, OffsetArch = 4, MaxInstructions = 4096;

    public static byte[] Build(SyscallSet traced)
    {
        var insns = new List<(ushort Code, byte Jt, byte Jf, uint K)>
        {
            (LdAbsW, 0, 0, OffsetArch),
            (JeqK, 1, 0, ArchX86_64),
            (RetK, 0, 0, RetTrace),
            (LdAbsW, 0, 0, OffsetNr),
            (JgeK, 0, 1, X32Bit),
            (RetK, 0, 0, RetTrace),
        };
        // One compare-and-return pair per traced call keeps every jump offset at 0 or 1.
        foreach (int nr in traced.Members)
        {
            insns.Add((JeqK, 0, 1, (uint)nr));
            insns.Add((RetK, 0, 0, RetTrace));
        }
        insns.Add((RetK, 0, 0, RetAllow));
        if (insns.Count > MaxInstructions) throw new InvalidOperationException("seccomp program too long");
        var bytes = new byte[insns.Count * 8];
        for (int i = 0; i < insns.Count; i++)
        {
            var s = bytes.AsSpan(i * 8);
            BinaryPrimitives.WriteUInt16LittleEndian(s, insns[i].Code);
            s[2] = insns[i].Jt;
            s[3] = insns[i].Jf;
            BinaryPrimitives.WriteUInt32LittleEndian(s[4..], insns[i].K);
        }
        return bytes;
    }
}
