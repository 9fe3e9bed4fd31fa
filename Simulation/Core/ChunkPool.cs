using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace TrustSim.Core;

/// <summary>
/// Long-lived worker threads that run the chunks of one phase of one run together. Each thread
/// first runs its own contiguous share of the chunks (<see cref="Share"/>), the same share in every
/// phase and step, so its users stay in its core's caches; a thread that finishes early then takes
/// the remaining chunks of the others, so a slow share does not hold up the phase. Because each
/// chunk owns its users and its random stream, the result does not depend on which thread ran
/// which chunk or on how many threads there are. The threads live as long as the run, so a step
/// starts no thread, queues no task and allocates nothing. Not for sweeps: they already run whole
/// runs in parallel.
/// </summary>
internal sealed class ChunkPool : IDisposable
{
    // Spins before a waiting worker blocks; a step's serial part is short, so a spinning
    // worker usually catches the next phase without a kernel wake-up.
    private const int SpinCount = 2047;

    // Spacing of per-thread slots in _range and _active: one cache line each, so that a thread
    // claiming chunks of its own share does not disturb the others.
    private const int Stride = 8;

    private readonly Thread[] _workers;
    private readonly ManualResetEventSlim[] _go;

    // Per thread, the chunks of its share not yet claimed, packed as (end << 32) | next, so that the
    // owner (claiming at the front) and a helper (claiming at the back) agree with one compare-and-swap.
    private readonly long[] _range;

    // Per worker, 1 while it may be running a chunk. The caller waits only for workers that are
    // at work, not for one that has yet to wake up: a late worker finds nothing left to claim
    // (or claims the next phase's chunks, whose work is published before they are), so the phase
    // never waits on a thread the system has not scheduled yet.
    private readonly int[] _active;
    private IChunkWork? _work;
    private volatile bool _stopping;
    private Exception? _failure;

    private ChunkPool(int threads)
    {
        Threads = threads;
        _range = new long[threads * Stride];
        _active = new int[threads * Stride];
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

    /// <summary>
    /// Chunks [First, End) of part <paramref name="part"/> when <paramref name="chunks"/> chunks are
    /// cut into <paramref name="parts"/> contiguous parts, as even as whole chunks allow; part t is
    /// thread t's own share.
    /// </summary>
    public static (int First, int End) Share(int part, int parts, int chunks) =>
        ((int)((long)chunks * part / parts), (int)((long)chunks * (part + 1) / parts));

    /// <summary>Runs chunks 0 .. <paramref name="chunks"/>-1 of <paramref name="work"/>, or of a plain loop without a pool; returns when all are done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ChunkPool? pool, IChunkWork work, int chunks)
    {
        if (pool is null || chunks <= 1)
        {
            for (var c = 0; c < chunks; c++) work.RunChunk(c);
            return;
        }
        pool.Run(work, chunks);
    }

    // The methods a step runs through are compiled optimised from the start, as the model's
    // per-step methods are, so that a run does not spend its steps in code being replaced.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run(IChunkWork work, int chunks)
    {
        _failure = null;
        Volatile.Write(ref _work, work);
        for (var t = 0; t < Threads; t++)
        {
            var (first, end) = Share(t, Threads, chunks);
            Volatile.Write(ref _range[t * Stride], (long)end << 32 | (uint)first);
        }
        foreach (var go in _go) go.Set();
        Drain(0);
        // Every chunk is claimed now; wait for the ones still running.
        var spin = new SpinWait();
        for (var k = 1; k < Threads; k++)
            while (Volatile.Read(ref _active[k * Stride]) != 0) spin.SpinOnce(sleep1Threshold: -1);
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Drain(int thread)
    {
        // A full fence: the flag is visible before this thread reads what is left to claim.
        Interlocked.Exchange(ref _active[thread * Stride], 1);
        try
        {
            // Own share from its front; then what is left of the others', from their backs, so each
            // owner keeps working through the users it already has in cache.
            int c;
            while ((c = Claim(thread, front: true)) >= 0) Volatile.Read(ref _work)!.RunChunk(c);
            for (var k = 1; k < Threads; k++)
                while ((c = Claim((thread + k) % Threads, front: false)) >= 0) Volatile.Read(ref _work)!.RunChunk(c);
        }
        catch (Exception e)
        {
            // Kept and rethrown on the calling thread once every worker has stopped touching the run.
            Interlocked.CompareExchange(ref _failure, e, null);
            for (var t = 0; t < Threads; t++) Volatile.Write(ref _range[t * Stride], 0);
        }
        Volatile.Write(ref _active[thread * Stride], 0);
    }

    /// <summary>Takes the first (or last) unclaimed chunk of <paramref name="owner"/>'s share, or -1 if none is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Claim(int owner, bool front)
    {
        ref var range = ref _range[owner * Stride];
        while (true)
        {
            var seen = Volatile.Read(ref range);
            var next = unchecked((int)(uint)seen); // the low half of the packed pair
            var end = (int)(seen >> 32);
            if (next >= end) return -1;
            var claimed = front ? (long)end << 32 | (uint)(next + 1) : (long)(end - 1) << 32 | (uint)next;
            if (Interlocked.CompareExchange(ref range, claimed, seen) == seen) return front ? next : end - 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WorkerLoop(object? index)
    {
        var go = _go[(int)index!];
        while (true)
        {
            go.Wait();
            go.Reset();
            if (_stopping) return;
            Drain((int)index + 1);
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
