using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class ChunkPoolTests
{
    /// <summary>Counts how often each chunk ran; some chunks are slow, so idle threads take over the rest of a share.</summary>
    private sealed class CountingWork(int chunks, int slowChunk) : IChunkWork
    {
        public int[] Runs { get; } = new int[chunks];

        public void RunChunk(int chunk)
        {
            if (chunk == slowChunk) Thread.Sleep(20);
            Interlocked.Increment(ref Runs[chunk]);
        }
    }

    private sealed class FailingWork(int failing) : IChunkWork
    {
        public void RunChunk(int chunk)
        {
            if (chunk == failing) throw new InvalidOperationException($"chunk {chunk} failed");
        }
    }

    [Theory]
    [InlineData(2, 62, 0)]
    [InlineData(3, 62, 40)]
    [InlineData(3, 2, 1)]
    [InlineData(4, 1, 0)]
    public void Run_SlowChunkInOneShare_RunsEveryChunkExactlyOnce(int threads, int chunks, int slowChunk)
    {
        using var pool = ChunkPool.Create(threads);
        for (var repeat = 0; repeat < 20; repeat++)
        {
            var work = new CountingWork(chunks, repeat % 5 == 0 ? slowChunk : -1);
            ChunkPool.Run(pool, work, chunks);
            Assert.All(work.Runs, n => Assert.Equal(1, n));
        }
    }

    [Fact]
    public void Run_ChunkThrows_RethrowsOnCallerAndPoolStaysUsable()
    {
        using var pool = ChunkPool.Create(2);
        var e = Assert.Throws<InvalidOperationException>(() => ChunkPool.Run(pool, new FailingWork(40), 62));
        Assert.Equal("chunk 40 failed", e.Message);
        var work = new CountingWork(62, -1);
        ChunkPool.Run(pool, work, 62);
        Assert.All(work.Runs, n => Assert.Equal(1, n));
    }

    [Theory]
    [InlineData(62, 2)]
    [InlineData(62, 3)]
    [InlineData(5, 4)]
    [InlineData(1, 2)]
    public void Share_AnyChunksAndParts_CoversEveryChunkOnceInOrderAndEvenly(int chunks, int parts)
    {
        var next = 0;
        for (var p = 0; p < parts; p++)
        {
            var (first, end) = ChunkPool.Share(p, parts, chunks);
            Assert.Equal(next, first);
            Assert.InRange(end - first, chunks / parts, chunks / parts + 1);
            next = end;
        }
        Assert.Equal(chunks, next);
    }
}
