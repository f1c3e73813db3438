using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>bpf_object__open_mem's options, up to the object name: sz tells libbpf how much of the
/// struct the caller knows, and the rest counts as zero.</summary>
[CLayout("struct bpf_object_open_opts", "bpf/libbpf.h",
    Size = "offsetof(struct bpf_object_open_opts, object_name) + sizeof(const char *)")]
[StructLayout(LayoutKind.Sequential)]
internal struct BpfObjectOpenOpts
{
    [CField("sz")] public ulong Size;
    [CField("object_name")] public ulong ObjectName;
}
