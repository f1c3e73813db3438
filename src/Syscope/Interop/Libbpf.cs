using System.Runtime.InteropServices;
using System.Text;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>Debian's libbpf (libbpf.so.1, package libbpf1), loaded at run time: it opens the embedded
/// BPF object, relocates it against the kernel's BTF (CO-RE), loads and attaches it.  libbpf 1.x
/// returns NULL or a negative errno and sets errno; every result is checked here and turned into a
/// <see cref="SyscallException"/> naming the call.  Objects and links are owned by SafeHandles, so
/// they are released on every path; a map's descriptor belongs to its object.  libbpf's own
/// messages (the verifier's log among them) are kept, not printed, and join load errors.</summary>
internal static unsafe partial class Libbpf
{
    public const string Library = "libbpf.so.1";

    /// <summary>Whether libbpf.so.1 can be loaded on this machine (cached).</summary>
    public static bool IsAvailable => s_available ??= NativeLibrary.TryLoad(Library, out _);
    private static bool? s_available;

    [LibraryImport(Library, EntryPoint = "bpf_object__open_mem", SetLastError = true)]
    private static partial nint ObjectOpenMem(void* buffer, nuint size, BpfObjectOpenOpts* options);

    [LibraryImport(Library, EntryPoint = "bpf_object__close")]
    private static partial void ObjectClose(nint obj);

    [LibraryImport(Library, EntryPoint = "bpf_object__load", SetLastError = true)]
    private static partial int ObjectLoad(nint obj);

    [LibraryImport(Library, EntryPoint = "bpf_object__find_map_by_name", SetLastError = true)]
    private static partial nint FindMap(nint obj, byte* name);

    [LibraryImport(Library, EntryPoint = "bpf_object__next_program")]
    private static partial nint NextProgram(nint obj, nint previous);

    [LibraryImport(Library, EntryPoint = "bpf_program__name")]
    private static partial byte* ProgramName(nint program);

    [LibraryImport(Library, EntryPoint = "bpf_object__find_program_by_name", SetLastError = true)]
    private static partial nint FindProgram(nint obj, byte* name);

    [LibraryImport(Library, EntryPoint = "bpf_program__set_autoload")]
    private static partial int ProgramSetAutoload(nint program, [MarshalAs(UnmanagedType.U1)] bool autoload);

    [LibraryImport(Library, EntryPoint = "bpf_program__autoload")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool ProgramAutoload(nint program);

    [LibraryImport(Library, EntryPoint = "bpf_program__fd")]
    private static partial int ProgramFd(nint program);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_tracepoint", SetLastError = true)]
    private static partial nint ProgramAttachTracepoint(nint program, byte* category, byte* name);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach", SetLastError = true)]
    private static partial nint ProgramAttach(nint program);

    [LibraryImport(Library, EntryPoint = "bpf_link__destroy")]
    private static partial int LinkDestroy(nint link);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_max_entries")]
    private static partial int MapSetMaxEntries(nint map, uint maxEntries);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_initial_value")]
    private static partial int MapSetInitialValue(nint map, void* data, nuint size);

    [LibraryImport(Library, EntryPoint = "bpf_map__fd")]
    private static partial int MapFd(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__max_entries")]
    private static partial uint MapMaxEntries(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map_update_elem", SetLastError = true)]
    private static partial int MapUpdate(int fd, void* key, void* value, ulong flags);

    [LibraryImport(Library, EntryPoint = "bpf_map_lookup_elem", SetLastError = true)]
    private static partial int MapLookup(int fd, void* key, void* value);

    [LibraryImport(Library, EntryPoint = "bpf_map_delete_elem", SetLastError = true)]
    private static partial int MapDelete(int fd, void* key);

    [LibraryImport(Library, EntryPoint = "libbpf_num_possible_cpus")]
    private static partial int NumPossibleCpus();

    [LibraryImport(Library, EntryPoint = "libbpf_probe_bpf_map_type")]
    private static partial int ProbeMapType(int mapType, void* options);

    [LibraryImport(Library, EntryPoint = "libbpf_set_print")]
    private static partial nint SetPrint(delegate* unmanaged<int, byte*, nint, int> print);

    [LibraryImport("libc", EntryPoint = "vsnprintf")]
    private static partial int VsnPrintf(byte* buffer, nuint size, byte* format, nint args);

    public const ulong BPF_ANY = 0;
    public const int BPF_MAP_TYPE_RINGBUF = 27, BPF_MAP_TYPE_TASK_STORAGE = 29;

    /// <summary>Opens an object from its ELF bytes under the given name (map names derive from it).
    /// libbpf reads the bytes until the object is loaded, so the handle keeps its own copy.</summary>
    public static ObjectHandle Open(ReadOnlySpan<byte> elf, string name)
    {
        InstallPrint();
        var handle = new ObjectHandle(elf);
        byte[] nameZ = Encoding.UTF8.GetBytes(name + "\0");
        nint obj;
        fixed (byte* n = nameZ)
        {
            BpfObjectOpenOpts options = new() { Size = (ulong)sizeof(BpfObjectOpenOpts), ObjectName = (ulong)n };
            obj = ObjectOpenMem(handle.Elf, (nuint)elf.Length, &options);
        }
        if (obj == 0)
        {
            int errno = SyscallException.LastErrno();
            handle.Dispose();
            throw new SyscallException("bpf_object__open_mem", errno);
        }
        handle.Adopt(obj);
        return handle;
    }

    /// <summary>Verifies and loads every program and creates the maps; a verifier rejection carries its log.</summary>
    public static void Load(ObjectHandle obj)
    {
        TakeLog();
        if (ObjectLoad(obj.Pointer) != 0) throw new BpfLoadException("bpf_object__load", SyscallException.LastErrno(), TakeLog());
    }

    /// <summary>The map named in the object (a global's section, such as ".rodata", is "NAME.rodata").</summary>
    public static nint Map(ObjectHandle obj, string name) => Find(obj, name, &FindMap, "bpf_object__find_map_by_name");

    /// <summary>The program of that (function) name in the object.</summary>
    public static nint Program(ObjectHandle obj, string name) => Find(obj, name, &FindProgram, "bpf_object__find_program_by_name");

    private static nint Find(ObjectHandle obj, string name, delegate*<nint, byte*, nint> find, string function)
    {
        byte[] nameZ = Encoding.UTF8.GetBytes(name + "\0");
        nint found;
        fixed (byte* n = nameZ) found = find(obj.Pointer, n);
        if (found == 0) throw new SyscallException($"{function}({name})", SyscallException.LastErrno());
        return found;
    }

    /// <summary>A loaded program's descriptor (owned by its object), for a program array.</summary>
    public static int ProgramDescriptor(nint program)
    {
        int fd = ProgramFd(program);
        if (fd < 0) throw new SyscallException("bpf_program__fd", -fd);
        return fd;
    }

    /// <summary>Whether the program is verified, loaded and attached with its object (before load).</summary>
    public static void SetAutoload(nint program, bool load) => Check(ProgramSetAutoload(program, load), "bpf_program__set_autoload");

    public static void SetMaxEntries(nint map, uint entries) => Check(MapSetMaxEntries(map, entries), "bpf_map__set_max_entries");

    public static uint MaxEntries(nint map) => MapMaxEntries(map);

    /// <summary>Sets a global section's contents before load; value must be exactly its size.</summary>
    public static void SetInitialValue<T>(nint map, in T value) where T : unmanaged
    {
        fixed (T* p = &value) Check(MapSetInitialValue(map, p, (nuint)sizeof(T)), "bpf_map__set_initial_value");
    }

    public static int Fd(nint map)
    {
        int fd = MapFd(map);
        if (fd < 0) throw new SyscallException("bpf_map__fd", -fd);
        return fd;
    }

    /// <summary>Attaches every loaded program of an object, each link owned by the returned handles;
    /// a program named in tracepoints goes to that tracepoint ("category/name") instead of its
    /// section's, or nowhere when it is named with "" (a program other programs jump into).</summary>
    public static List<LinkHandle> AttachAll(ObjectHandle obj, IReadOnlyDictionary<string, string>? tracepoints = null)
    {
        var links = new List<LinkHandle>();
        try
        {
            for (nint p = NextProgram(obj.Pointer, 0); p != 0; p = NextProgram(obj.Pointer, p))
            {
                if (!ProgramAutoload(p)) continue;   // left out of this load
                string name = Marshal.PtrToStringUTF8((nint)ProgramName(p)) ?? "";
                string? tracepoint = tracepoints?.GetValueOrDefault(name);
                if (tracepoint == "") continue;
                nint link = tracepoint != null ? AttachTracepoint(p, tracepoint) : ProgramAttach(p);
                if (link == 0)
                    throw new BpfLoadException($"bpf_program__attach({name})", SyscallException.LastErrno(), TakeLog());
                links.Add(new LinkHandle(link, name));
            }
            return links;
        }
        catch
        {
            foreach (var l in links) l.Dispose();
            throw;
        }
    }

    private static nint AttachTracepoint(nint program, string tracepoint)
    {
        int slash = tracepoint.IndexOf('/');
        byte[] category = Encoding.UTF8.GetBytes(tracepoint[..slash] + "\0"), name = Encoding.UTF8.GetBytes(tracepoint[(slash + 1)..] + "\0");
        fixed (byte* c = category)
        fixed (byte* n = name)
            return ProgramAttachTracepoint(program, c, n);
    }

    public static void Update<TKey, TValue>(int fd, in TKey key, in TValue value, ulong flags = BPF_ANY)
        where TKey : unmanaged where TValue : unmanaged
    {
        fixed (TKey* k = &key)
        fixed (TValue* v = &value)
            Check(MapUpdate(fd, k, v, flags), "bpf_map_update_elem");
    }

    /// <summary>Reads one entry into value (for per-CPU maps, one value per possible CPU, each
    /// rounded up to 8 bytes); false when the key is absent.</summary>
    public static bool Lookup<TKey>(int fd, in TKey key, Span<byte> value) where TKey : unmanaged
    {
        fixed (TKey* k = &key)
        fixed (byte* v = value)
        {
            if (MapLookup(fd, k, v) == 0) return true;
            int errno = SyscallException.LastErrno();
            if (errno == Kernel.Errno.ENOENT) return false;
            throw new SyscallException("bpf_map_lookup_elem", errno);
        }
    }

    /// <summary>Removes an entry; false when it was not there.</summary>
    public static bool Delete<TKey>(int fd, in TKey key) where TKey : unmanaged
    {
        fixed (TKey* k = &key)
        {
            if (MapDelete(fd, k) == 0) return true;
            int errno = SyscallException.LastErrno();
            if (errno == Kernel.Errno.ENOENT) return false;
            throw new SyscallException("bpf_map_delete_elem", errno);
        }
    }

    public static int PossibleCpus
    {
        get
        {
            int n = NumPossibleCpus();
            if (n <= 0) throw new SyscallException("libbpf_num_possible_cpus", -n);
            return n;
        }
    }

    /// <summary>Whether the kernel supports a map type: 1 yes, 0 no, negative errno when it cannot tell.</summary>
    public static int SupportsMapType(int type) => ProbeMapType(type, null);

    private static void Check(int rc, string call)
    {
        if (rc < 0) throw new SyscallException(call, -rc);
    }

    // ---- libbpf's messages ----

    private static readonly object s_logLock = new();
    private static readonly StringBuilder s_log = new();
    private const int MaxLog = 64 * 1024;
    private static bool s_printInstalled;

    private static void InstallPrint()
    {
        lock (s_logLock)
        {
            if (s_printInstalled) return;
            SetPrint(&Print);
            s_printInstalled = true;
        }
    }

    /// <summary>What libbpf said since the last call (the verifier's log when a load fails), its tail
    /// if it was long.</summary>
    public static string TakeLog()
    {
        lock (s_logLock)
        {
            string text = s_log.ToString();
            s_log.Clear();
            return text;
        }
    }

    [UnmanagedCallersOnly]
    private static int Print(int level, byte* format, nint args)
    {
        const int Size = 4096;
        byte* buffer = stackalloc byte[Size];
        int n = VsnPrintf(buffer, Size, format, args);
        if (n <= 0) return 0;
        string text = Encoding.UTF8.GetString(buffer, Math.Min(n, Size - 1));
        lock (s_logLock)
        {
            s_log.Append(text);
            if (s_log.Length > MaxLog) s_log.Remove(0, s_log.Length - MaxLog);
        }
        return 0;
    }

    /// <summary>An open (and later loaded) struct bpf_object: closing it unloads its programs and
    /// maps.  It holds the copy of the ELF bytes that libbpf reads until load.</summary>
    public sealed class ObjectHandle : SafeHandle
    {
        private byte* _elf;

        internal ObjectHandle(ReadOnlySpan<byte> elf) : base(0, true)
        {
            _elf = (byte*)NativeMemory.Alloc((nuint)elf.Length);
            elf.CopyTo(new Span<byte>(_elf, elf.Length));
        }

        internal byte* Elf => _elf;
        internal nint Pointer => handle;
        internal void Adopt(nint obj) => SetHandle(obj);

        public override bool IsInvalid => handle == 0 && _elf == null;

        protected override bool ReleaseHandle()
        {
            if (handle != 0) ObjectClose(handle);
            NativeMemory.Free(_elf);
            _elf = null;
            return true;
        }
    }

    /// <summary>An attached program (struct bpf_link): destroying it detaches the program.</summary>
    public sealed class LinkHandle : SafeHandle
    {
        internal LinkHandle(nint link, string program) : base(0, true)
        {
            SetHandle(link);
            Program = program;
        }

        /// <summary>The name of the program it attaches.</summary>
        public string Program { get; }

        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle() => LinkDestroy(handle) == 0;
    }
}

/// <summary>A libbpf call that failed while loading or attaching, with what libbpf logged (the
/// verifier's reasons) for the curious; the message itself stays one line.</summary>
internal sealed class BpfLoadException(string call, int errno, string log) : Exception($"{call}: {Kernel.Errno.Message(errno)} ({Kernel.Errno.Name(errno)})")
{
    public string Call { get; } = call;
    public int Errno { get; } = errno;
    public string Log { get; } = log;
}
