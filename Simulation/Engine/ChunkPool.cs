using System.Runtime.ExceptionServices;

namespace TrustSim.Engine;

/// <summary>
/// Long-lived worker threads that run the chunks of one phase of one run together. Chunks are
/// claimed in any order by any thread; because each chunk owns its users and its random stream,
/// the result does not depend on which thread ran which chunk or on how many threads there are.
/// The threads live as long as the run, so a step starts no thread, queues no task and allocates
/// nothing. Not for sweeps: they already run whole runs in parallel.
/// </summary>
internal sealed class ChunkPool : IDisposable
{
    // Spins before a waiting worker blocks; a step's serial part is short, so a spinning
    // worker usually catches the next phase without a kernel wake-up.
    private const int SpinCount = 2047;

    private readonly Thread[] _workers;
    private readonly ManualResetEventSlim[] _go;
    private IChunkWork? _work;
    private int _chunks;
    private int _next;
    private int _busy;
    private volatile bool _stopping;
    private Exception? _failure;

    private ChunkPool(int threads)
    {
        Threads = threads;
        _workers = new Thread[threads - 1];
        _go = new ManualResetEventSlim[threads - 1];
        for (var k = 0; k < _workers.Length; k++)
        {
            _go[k] = new ManualResetEventSlim(false, SpinCount);
            _workers[k] = new Thread(WorkerLoop) { IsBackground = true, Name = $"trustsim chunk worker {k + 1}" };
            _workers[k].Start(k);
        }
    }

    /// <summary>Threads that run chunks, the calling thread included.</summary>
    public int Threads { get; }

    /// <summary>A pool of <paramref name="threads"/> threads, or null for one thread (chunks then run in a plain loop).</summary>
    public static ChunkPool? Create(int threads) => threads > 1 ? new ChunkPool(threads) : null;

    /// <summary>Runs chunks 0 .. <paramref name="chunks"/>-1 of <paramref name="work"/>, or of a plain loop without a pool; returns when all are done.</summary>
    public static void Run(ChunkPool? pool, IChunkWork work, int chunks)
    {
        if (pool is null || chunks <= 1)
        {
            for (var c = 0; c < chunks; c++) work.RunChunk(c);
            return;
        }
        pool.Run(work, chunks);
    }

    private void Run(IChunkWork work, int chunks)
    {
        _work = work;
        _chunks = chunks;
        _failure = null;
        Volatile.Write(ref _next, 0);
        Volatile.Write(ref _busy, _workers.Length);
        foreach (var go in _go) go.Set();
        Drain();
        var spin = new SpinWait();
        while (Volatile.Read(ref _busy) > 0) spin.SpinOnce(sleep1Threshold: -1);
        _work = null;
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    private void Drain()
    {
        try
        {
            int c;
            while ((c = Interlocked.Increment(ref _next) - 1) < _chunks) _work!.RunChunk(c);
        }
        catch (Exception e)
        {
            // Kept and rethrown on the calling thread once every worker has stopped touching the run.
            Interlocked.CompareExchange(ref _failure, e, null);
            Volatile.Write(ref _next, _chunks);
        }
    }

    private void WorkerLoop(object? index)
    {
        var go = _go[(int)index!];
        while (true)
        {
            go.Wait();
            go.Reset();
            if (_stopping) return;
            Drain();
            Interlocked.Decrement(ref _busy);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var go in _go) go.Set();
        foreach (var w in _workers) w.Join();
        foreach (var go in _go) go.Dispose();
    }
}
