using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Syscope.Syscalls;

/// <summary>The six argument roles of a plan, inline.</summary>
[InlineArray(6)]
internal struct ArgRoles
{
    private ArgRole _first;
}

/// <summary>
/// One syscall's capture plan: what a backend that cannot read the tracee later (eBPF) must copy
/// at the moment of the call so that the decoders print what they print over live memory.  It is
/// the row's argument roles as a fixed-size, pointer-free value (6 roles of 8 bytes, then the
/// argument count, the return format and whether the roles cover every byte the call's decoder
/// reads), for serialising into a BPF map.  docs/DECODING.md says what each kind copies; the
/// reference walk is Events/CaptureRegions.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CapturePlan
{
    /// <summary>PATH_MAX: the most a path or string argument is copied, its NUL included.</summary>
    public const int StringCap = Kernel.PathLimits.PathMax;

    public ArgRoles Args;
    public byte ArgCount;
    public ReturnFormat Returns;
    /// <summary>False for calls listed under @partial in tools/syscalls/roles.txt (SyscallInfo.CaptureGap).</summary>
    [MarshalAs(UnmanagedType.U1)] public bool Complete;

    private static readonly CapturePlan[] s_byNumber = Build();

    /// <summary>The plan of a syscall number: an array index.  A number the table lacks gets an
    /// empty plan (its six arguments print as numbers).</summary>
    public static CapturePlan For(long nr) => nr >= 0 && nr <= SyscallTable.MaxNumber ? s_byNumber[nr] : new() { ArgCount = 6, Complete = true };

    private static CapturePlan[] Build()
    {
        var plans = new CapturePlan[SyscallTable.MaxNumber + 1];
        for (int nr = 0; nr < plans.Length; nr++)
        {
            var row = SyscallTable.ByNumber(nr);
            if (row == null) { plans[nr] = new() { Complete = true }; continue; }
            var plan = new CapturePlan { ArgCount = (byte)row.ArgCount, Returns = row.Returns, Complete = row.CaptureGap == null };
            for (int i = 0; i < row.ArgCount; i++) plan.Args[i] = row.Args[i].Role;
            plans[nr] = plan;
        }
        return plans;
    }
}
