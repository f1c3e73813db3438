using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <linux/ptp_clock.h>: the arguments of PTP hardware clock requests.

[CLayout("struct ptp_clock_time", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct PtpClockTime
{
    [CField("sec")] public long Sec;
    [CField("nsec")] public uint Nsec;
    [CField("reserved")] public uint Reserved;
}

[CLayout("struct ptp_clock_caps", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PtpClockCaps
{
    [CField("max_adj")] public int MaxAdj;
    [CField("n_alarm")] public int NAlarm;
    [CField("n_ext_ts")] public int NExtTs;
    [CField("n_per_out")] public int NPerOut;
    [CField("pps")] public int Pps;
    [CField("n_pins")] public int NPins;
    [CField("cross_timestamping")] public int CrossTimestamping;
    [CField("adjust_phase")] public int AdjustPhase;
    [CField("rsv")] public fixed uint Rsv[12];
}

[CLayout("struct ptp_extts_request", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PtpExttsRequest
{
    [CField("index")] public uint Index;
    [CField("flags")] public uint Flags;
    [CField("rsv")] public fixed uint Rsv[2];
}

/// <summary>start and phase share the first union, on and rsv the last.</summary>
[CLayout("struct ptp_perout_request", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PtpPeroutRequest
{
    [CField("start")] public PtpClockTime Start;
    [CField("period")] public PtpClockTime Period;
    [CField("index")] public uint Index;
    [CField("flags")] public uint Flags;
    [CField("on")] public PtpClockTime On;
}

/// <summary>The head of struct ptp_sys_offset and struct ptp_sys_offset_extended, whose time
/// stamps follow: 2 * PTP_MAX_SAMPLES + 1 of them, or PTP_MAX_SAMPLES triples.</summary>
[CLayout("struct ptp_sys_offset", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PtpSysOffset
{
    public const int MaxSamples = 25;
    [CField("n_samples")] public uint NSamples;
    [CField("rsv")] public fixed uint Rsv[3];
    [CField("ts")] public fixed byte Ts[(2 * MaxSamples + 1) * 16];
}

[CLayout("struct ptp_sys_offset_extended", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PtpSysOffsetExtended
{
    [CField("n_samples")] public uint NSamples;
    [CField("rsv")] public fixed uint Rsv[3];
    [CField("ts")] public fixed byte Ts[PtpSysOffset.MaxSamples * 3 * 16];
}

[CLayout("struct ptp_sys_offset_precise", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PtpSysOffsetPrecise
{
    [CField("device")] public PtpClockTime Device;
    [CField("sys_realtime")] public PtpClockTime SysRealtime;
    [CField("sys_monoraw")] public PtpClockTime SysMonoraw;
    [CField("rsv")] public fixed uint Rsv[4];
}

[CLayout("struct ptp_pin_desc", "linux/ptp_clock.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PtpPinDesc
{
    [CField("name")] public fixed byte Name[64];
    [CField("index")] public uint Index;
    [CField("func")] public uint Func;
    [CField("chan")] public uint Chan;
    [CField("rsv")] public fixed uint Rsv[5];
}
