using Microsoft.Win32.SafeHandles;
using Syscope.Interop;

namespace Syscope.Tracing.Ebpf;

/// <summary>Receives records from <see cref="RingBufferReader.Drain{TSink}"/>, synchronously, in
/// the order the BPF programs reserved them.</summary>
internal interface IRecordSink
{
    void OnRecord(BpfRecord record);
}

/// <summary>
/// Reads a BPF ring buffer (BPF_MAP_TYPE_RINGBUF) over its mmap'd pages, as the kernel lays them
/// out: a consumer page (our position, writable), a producer page (the kernel's position), then the
/// data pages mapped twice in a row, so that a record that wraps around the end reads as one span.
/// Each record starts with an 8-byte header: its length, with a busy bit while the producer is still
/// writing it and a discard bit when it was dropped, then 4 bytes of page offset.  Records are
/// handed out in place, in batches, and the consumer position is published after a batch, so a
/// million records cost no allocation and no system call each.  Epoll on the map's descriptor,
/// edge-triggered, wakes the reader only when the programs ask for it (BPF_RB_FORCE_WAKEUP, or the
/// kernel's default policy); level-triggered, it would return at once whenever a record waited,
/// and the reader would spin on batches of one.
/// </summary>
internal sealed unsafe class RingBufferReader : IDisposable
{
    private const uint BusyBit = 1u << 31, DiscardBit = 1u << 30, HeaderSize = 8;

    private readonly MemoryMap _consumerPage;
    private readonly MemoryMap _producerPages;
    private readonly SafeFileHandle _epoll;
    private readonly byte* _data;
    private readonly ulong _mask;

    /// <param name="mapFd">The ring buffer map's descriptor (owned by its BPF object).</param>
    /// <param name="size">Its max_entries: the data size, a power of two and a multiple of the page.</param>
    public RingBufferReader(int mapFd, uint size)
    {
        int page = Environment.SystemPageSize;
        _consumerPage = MemoryMap.Map(mapFd, (nuint)page, MemoryMap.PROT_READ | MemoryMap.PROT_WRITE, 0);
        try
        {
            _producerPages = MemoryMap.Map(mapFd, (nuint)page + 2 * (nuint)size, MemoryMap.PROT_READ, page);
            _epoll = Epoll.Watch(mapFd, Epoll.EPOLLIN | Epoll.EPOLLET);
        }
        catch
        {
            _producerPages?.Dispose();
            _consumerPage.Dispose();
            throw;
        }
        _data = _producerPages.Pointer + page;
        _mask = size - 1;
        Size = size;
    }

    public uint Size { get; }

    private ref ulong ConsumerPosition => ref *(ulong*)_consumerPage.Pointer;
    private ref ulong ProducerPosition => ref *(ulong*)_producerPages.Pointer;

    /// <summary>Bytes written and not yet consumed.</summary>
    public ulong Pending => Volatile.Read(ref ProducerPosition) - Volatile.Read(ref ConsumerPosition);

    /// <summary>Hands every committed record to sink, at most maxRecords; returns how many.  Stops
    /// at a record the producer is still writing (the next drain takes it).</summary>
    public int Drain<TSink>(ref TSink sink, int maxRecords = int.MaxValue) where TSink : IRecordSink
    {
        ulong consumer = Volatile.Read(ref ConsumerPosition);
        ulong producer = Volatile.Read(ref ProducerPosition);
        int count = 0;
        while (consumer < producer && count < maxRecords)
        {
            byte* header = _data + (consumer & _mask);
            uint len = Volatile.Read(ref *(uint*)header);
            if ((len & BusyBit) != 0) break;
            uint payload = len & ~(BusyBit | DiscardBit);
            if ((len & DiscardBit) == 0)
            {
                sink.OnRecord(new BpfRecord(new ReadOnlySpan<byte>(header + HeaderSize, (int)payload)));
                count++;
            }
            consumer += (payload + HeaderSize + 7) & ~7u;
            // Publish now and then, so that a long batch frees space for the producer as it goes.
            if ((count & 255) == 0) Volatile.Write(ref ConsumerPosition, consumer);
            if (consumer >= producer) producer = Volatile.Read(ref ProducerPosition);
        }
        Volatile.Write(ref ConsumerPosition, consumer);
        return count;
    }

    /// <summary>Waits up to timeoutMs for the programs to wake the reader; true when they did.</summary>
    public bool Wait(int timeoutMs) => Epoll.Wait(_epoll, timeoutMs);

    public void Dispose()
    {
        _epoll.Dispose();
        _producerPages.Dispose();
        _consumerPage.Dispose();
    }
}
