using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// Arguments of the socket ioctls (<linux/sockios.h>) that name a network interface.

/// <summary>struct ifreq (&lt;net/if.h&gt;): an interface's name and one value, by request, in a union.</summary>
[CLayout("struct ifreq", "net/if.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IfReq
{
    public const int NameSize = 16;

    [CField("ifr_name")] public fixed byte Name[NameSize];
    [CField("ifr_ifru")] public fixed byte Value[24];
}

/// <summary>struct ifmap (&lt;net/if.h&gt;): ifreq's ifr_map, a device's memory, I/O port, IRQ and DMA.</summary>
[CLayout("struct ifmap", "net/if.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IfMap
{
    [CField("mem_start")] public ulong MemStart;
    [CField("mem_end")] public ulong MemEnd;
    [CField("base_addr")] public ushort BaseAddr;
    [CField("irq")] public byte Irq;
    [CField("dma")] public byte Dma;
    [CField("port")] public byte Port;
}

/// <summary>struct ifconf (&lt;net/if.h&gt;, SIOCGIFCONF): a buffer of ifreqs and its length in bytes.</summary>
[CLayout("struct ifconf", "net/if.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IfConf
{
    [CField("ifc_len")] public int Length;
    [CField("ifc_ifcu")] public ulong Buffer;
}
