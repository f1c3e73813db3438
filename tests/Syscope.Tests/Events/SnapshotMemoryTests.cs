using Syscope.Events;

namespace Syscope.Tests.Events;

/// <summary>The snapshot memory decoders read captured bytes through: reads stop where the copies
/// stop, run on across copies that touch, and a later copy wins where it covers an earlier one.</summary>
public class SnapshotMemoryTests
{
    private static byte[] Bytes(int n, byte first) => Enumerable.Range(0, n).Select(i => (byte)(first + i)).ToArray();

    [Fact]
    public void Reads_stop_at_the_end_of_what_was_copied()
    {
        var m = new SnapshotMemory();
        m.Add(0x1000, Bytes(16, 1));
        var d = new byte[32];
        Assert.Equal(16, m.Read(0x1000, d));
        Assert.Equal(Bytes(16, 1), d[..16]);
        Assert.Equal(6, m.Read(0x100a, d));
        Assert.Equal(11, d[0]);
        Assert.Equal(0, m.Read(0x1010, d));
        Assert.Equal(0, m.Read(0xfff, d));
        Assert.Equal(0, m.Read(0, d));
    }

    [Fact]
    public void Copies_that_touch_read_as_one_and_later_copies_win()
    {
        var m = new SnapshotMemory();
        m.Add(0x2000, Bytes(8, 0));
        m.Add(0x2010, Bytes(8, 100));
        m.Add(0x2008, Bytes(8, 50));      // fills the gap exactly
        m.Add(0x2004, Bytes(16, 200));    // covers the ends of the first two and the start of the third
        var d = new byte[40];
        Assert.Equal(24, m.Read(0x2000, d));
        Assert.Equal(new byte[] { 0, 1, 2, 3 }, d[..4]);
        Assert.Equal(Bytes(16, 200), d[4..20]);
        Assert.Equal(new byte[] { 104, 105, 106, 107 }, d[20..24]);
        Assert.Equal(3, m.RegionCount);
    }

    /// <summary>Random copies and reads against the plainest model: a map of byte addresses.</summary>
    [Fact]
    public void Matches_a_byte_map_on_random_copies()
    {
        var r = new Random(20261130);
        for (int round = 0; round < 200; round++)
        {
            var m = new SnapshotMemory();
            var model = new Dictionary<ulong, byte>();
            ulong baseAddr = round % 2 == 0 ? 0x7ffd_0000_0000 : ulong.MaxValue - 300;
            for (int add = 0; add < r.Next(1, 12); add++)
            {
                ulong at = baseAddr + (ulong)r.Next(0, 200);
                var data = new byte[r.Next(0, 60)];
                r.NextBytes(data);
                m.Add(at, data);
                for (int i = 0; i < data.Length && at + (ulong)i < ulong.MaxValue; i++) model[at + (ulong)i] = data[i];
            }
            for (int read = 0; read < 50; read++)
            {
                ulong at = baseAddr + (ulong)r.Next(0, 280);
                var d = new byte[r.Next(0, 80)];
                int expected = 0;
                while (expected < d.Length && model.ContainsKey(at + (ulong)expected)) expected++;
                Assert.Equal(expected, m.Read(at, d));
                for (int i = 0; i < expected; i++) Assert.Equal(model[at + (ulong)i], d[i]);
            }
            for (int i = 1; i < m.RegionCount; i++)
                Assert.True(m.RegionAddress(i) >= m.RegionAddress(i - 1) + (ulong)m.RegionBytes(i - 1).Length);
        }
    }

    [Fact]
    public void Reuse_after_clear_allocates_nothing()
    {
        var m = new SnapshotMemory();
        var data = Bytes(200, 0);
        var d = new byte[64];
        void Call()
        {
            m.Clear();
            for (int i = 0; i < 12; i++) m.Add(0x7000 + (ulong)(i * 300), data);
            m.Add(0x7000 + 150, data);
            m.Read(0x7000 + 310, d);
        }
        Call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) Call();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
