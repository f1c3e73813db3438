using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using static Syscope.Decoding.Constants.PerfConstants;

namespace Syscope.Decoding;

/// <summary>struct perf_event_attr, of perf_event_open and PERF_EVENT_IOC_MODIFY_ATTRIBUTES, as
/// strace prints it: as much as its size field says (at most the 128 bytes strace knows, 64 for a
/// size of 0, its address below 64 as the kernel refuses it), only up to read_format and the flags
/// that are set without -v, and ", ..." when the caller's structure goes on past what is shown.</summary>
internal static class PerfAttrPrinter
{
    private static readonly int KnownSize = Unsafe.SizeOf<PerfEventAttr>();
    /// <summary>Without -v strace reads up to wakeup_events.</summary>
    private static readonly int AbbreviatedSize = (int)Marshal.OffsetOf<PerfEventAttr>(nameof(PerfEventAttr.WakeupEvents));

    /// <summary>How many bytes strace reads for a structure whose size field holds sizeField, or 0
    /// when it prints the address instead (a size the kernel refuses).</summary>
    public static int ReadSize(uint sizeField, bool abbreviated)
    {
        int size = sizeField == 0 ? PERF_ATTR_SIZE_VER0 : (int)Math.Min(sizeField, (uint)KnownSize);
        if (size < PERF_ATTR_SIZE_VER0) return 0;
        return abbreviated ? AbbreviatedSize : size;
    }

    /// <summary>Reads the structure as strace fetches it: its size field, then that many bytes (the
    /// rest zero).  False, for the caller to print the address, when either read fails or the size is
    /// too small, or with -e verbose=none.</summary>
    public static bool TryFetch(ref DecodeContext c, ulong addr, out PerfEventAttr attr, out int size)
    {
        attr = default;
        size = 0;
        Span<byte> sizeField = stackalloc byte[4];
        return addr != 0 && !c.AddressesOnly && c.Memory.Read(addr + 4, sizeField) == 4
            && (size = ReadSize(BinaryPrimitives.ReadUInt32LittleEndian(sizeField), !c.Unabbreviated)) != 0
            && c.Memory.Read(addr, MemoryMarshal.AsBytes(new Span<PerfEventAttr>(ref attr))[..size]) == size;
    }

    /// <param name="size">What was read (<see cref="TryFetch"/>).</param>
    /// <param name="newSize">The size the kernel wrote back (perf_event_open's E2BIG), else null.</param>
    public static void Print(ref DecodeContext c, in PerfEventAttr a, int size, uint? newSize = null)
    {
        var w = c.Out;
        w.BeginStruct().Field("type"u8);
        Types.Print(w, a.Type);
        w.Field("size"u8);
        AttrSizes.Print(w, a.Size);
        if (newSize is uint changed)
        {
            // What the kernel wrote back is in the text only: for --json the size stays the one given.
            var (typed, end) = (w.Typed, w.Length);
            w.Typed = null;
            w.Raw(" => "u8);
            AttrSizes.Print(w, changed);
            w.Typed = typed;
            w.Annotated(end);
        }
        Config(w, a);
        bool freq = Bit(a, BitFreq) != 0;
        w.Field(freq ? "sample_freq"u8 : "sample_period"u8).UInt(a.SamplePeriod);
        w.Field("sample_type"u8);
        SampleFormat.Print(w, a.SampleType);
        w.Field("read_format"u8);
        ReadFormat.Print(w, a.ReadFormat);
        Flags(ref c, a);
        if (c.Unabbreviated) Rest(ref c, a, size);
        bool more = a.Size != 0 ? a.Size > size : size < PERF_ATTR_SIZE_VER0;
        w.EndStruct(more);
    }

    /// <summary>config by type: a hardware event, a software one, a tracepoint id, a cache event
    /// (id, operation and result, one byte each), else hex; a PMU type in the upper half as
    /// "0x...&lt;&lt;32|".</summary>
    private static void Config(ArgWriter w, in PerfEventAttr a)
    {
        ulong config = a.Config;
        w.Field("config"u8);
        switch (a.Type)
        {
            case PERF_TYPE_HARDWARE:
                Shifted(w, config >> 32, 32);
                HardwareIds.Print(w, config & 0xffffffff);
                break;
            case PERF_TYPE_SOFTWARE: SoftwareIds.Print(w, config); break;
            case PERF_TYPE_TRACEPOINT: w.UInt(config); break;
            case PERF_TYPE_HW_CACHE:
                Shifted(w, config >> 32, 32);
                Shifted(w, (config & 0xffffffff) >> 24, 24);
                CacheResults.Print(w, (config >> 16) & 0xff);
                w.Raw("<<16|"u8);
                CacheOps.Print(w, (config >> 8) & 0xff);
                w.Raw("<<8|"u8);
                CacheIds.Print(w, config & 0xff);
                break;
            default: w.Hex(config); break;
        }
    }

    private static void Shifted(ArgWriter w, ulong value, int shift)
    {
        if (value != 0) w.Hex(value).Raw("<<"u8).UInt((ulong)shift).Raw((byte)'|');
    }

    /// <summary>The one-bit flags (only those set without -v), precise_ip always, with its
    /// meaning, and the reserved bits when any is set.</summary>
    private static void Flags(ref DecodeContext c, in PerfEventAttr a)
    {
        var w = c.Out;
        for (int bit = 0; bit < BitsKnown; bit++)
        {
            if (bit == BitPreciseIp)
            {
                ulong precise = Bits(a, BitPreciseIp, 2);
                w.Field("precise_ip"u8).UInt(precise).Raw(" /* "u8).Raw(PreciseIp[precise]).Raw(" */"u8);
                bit++;
                continue;
            }
            ulong value = Bit(a, bit);
            if (value != 0 || c.Unabbreviated) w.Field(AttrBits[bit]).UInt(value);
        }
        ulong reserved = a.Bits >> BitsKnown;
        if (reserved != 0) w.Field("__reserved_1"u8).Hex(reserved).Raw(" /* Bits 63..38 */"u8);
    }

    /// <summary>The fields after the flags, which -v shows: those past PERF_ATTR_SIZE_VER0 only as
    /// far as the size reaches them (a field the size cuts through shows what part was read).</summary>
    private static void Rest(ref DecodeContext c, in PerfEventAttr a, int size)
    {
        var w = c.Out;
        bool breakpoint = a.Type == PERF_TYPE_BREAKPOINT;
        w.Field(Bit(a, BitWatermark) != 0 ? "wakeup_watermark"u8 : "wakeup_events"u8).UInt(a.WakeupEvents);
        if (breakpoint)
        {
            w.Field("bp_type"u8);
            (a.BpType <= HwBreakpointMixes ? BreakpointTypeMixes : BreakpointTypes).Print(w, a.BpType);
            w.Field("bp_addr"u8).Hex(a.Config1);
        }
        else w.Field("config1"u8).Hex(a.Config1);
        if (size <= 64) return;
        if (breakpoint) w.Field("bp_len"u8).UInt(a.Config2); else w.Field("config2"u8).Hex(a.Config2);
        if (size <= 72) return;
        if ((a.SampleType & PERF_SAMPLE_BRANCH_STACK) != 0)
        {
            w.Field("branch_sample_type"u8);
            BranchSampleType.Print(w, a.BranchSampleType);
        }
        if (size <= 80) return;
        w.Field("sample_regs_user"u8).Hex(a.SampleRegsUser);
        if (size <= 88) return;
        if ((a.SampleType & PERF_SAMPLE_STACK_USER) != 0) w.Field("sample_stack_user"u8).Hex(a.SampleStackUser);
        if (Bit(a, BitUseClockid) != 0)
        {
            if (size <= 92) return;
            w.Field("clockid"u8);
            ClockConstants.Clocks.Print(w, (uint)a.ClockId);
        }
        if (size <= 96) return;
        w.Field("sample_regs_intr"u8).Hex(a.SampleRegsIntr);
        if (size <= 104) return;
        w.Field("aux_watermark"u8).UInt(a.AuxWatermark);
        if (size <= 108) return;
        w.Field("sample_max_stack"u8).UInt(a.SampleMaxStack);
        if (size <= 110) return;
        if (a.Reserved2 != 0) w.Raw(" /* bytes 110..111: "u8).Hex(a.Reserved2).Raw(" */"u8);
        if (size <= 112) return;
        w.Field("aux_sample_size"u8).UInt(a.AuxSampleSize);
        if (size <= 116) return;
        if (a.Reserved3 != 0) w.Raw(" /* bytes 116..119: "u8).Hex(a.Reserved3).Raw(" */"u8);
        if (size <= 120) return;
        w.Field("sig_data"u8).Hex(a.SigData);
    }

    private static ulong Bit(in PerfEventAttr a, int bit) => (a.Bits >> bit) & 1;

    private static ulong Bits(in PerfEventAttr a, int shift, int width) => (a.Bits >> shift) & ((1UL << width) - 1);
}
