using System.Collections.Concurrent;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// Runs a sweep's pending runs in parallel, one whole run per worker. Each worker appends its finished
/// runs to a spool file of its own (parts/, see <see cref="RunSpool"/>) and then journals them; nothing
/// keeps a run's results after that, so memory does not grow with the number of runs. A run that throws
/// or ends with a non-finite summary metric is journaled as failed and the sweep goes on. Cancellation
/// stops new runs from starting and abandons the ones in flight (they are redone on resume).
/// </summary>
internal sealed class SweepRunner(SweepPlan plan, string folder, int workers)
{
    /// <summary>
    /// Runs journaled between flushes of the journal and the spool files to the disk. A killed process
    /// loses nothing either way (each record and line is handed to the operating system as it is
    /// written); the flushes bound what a power cut can take, and a resume runs again any journaled run
    /// whose record did not reach the disk. One flush a run had cost more than a small run itself.
    /// </summary>
    public const int SyncEvery = 256;

    /// <summary>Runs every run whose bit in <paramref name="done"/> is clear; <paramref name="onFinished"/> sees each journaled entry.</summary>
    public SweepRunnerResult Run(SweepJournal journal, RunSet done, Action<JournalEntry>? onFinished, CancellationToken cancel)
    {
        var scenarios = new PointScenarios(plan, done);
        var pending = new PendingRuns(plan.RunCount, done);
        var spools = new Spools(folder, RunSpool.NextSession(folder));
        int finished = 0;
        int failed = 0;
        int count = (int)Math.Max(1, Math.Min(workers, plan.RunCount));
        bool stopping = false; // a worker hit trouble that is the sweep's (disk, memory): the others take no new run
        try
        {
            // Dedicated threads, each its own spool file: a worker's runs are then the ids it took, ascending.
            var tasks = Enumerable.Range(0, count).Select(worker => Task.Factory.StartNew(() =>
            {
                try
                {
                    Work(worker);
                }
                catch
                {
                    Volatile.Write(ref stopping, true);
                    throw;
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Task.WaitAll(tasks);
        }
        catch
        {
            // The workers' failure is the one to report, not a flush that fails after it (on a full disk, say).
            spools.Close();
            throw;
        }
        spools.Dispose();
        return new SweepRunnerResult(finished, failed, cancel.IsCancellationRequested);

        void Work(int worker)
        {
            while (!cancel.IsCancellationRequested && !Volatile.Read(ref stopping) && pending.TryTake(out long id))
            {
                SweepRun run = plan.Run(id);
                JournalEntry? entry = Execute(run, scenarios.Get(run.Point), () => spools.Of(worker), cancel);
                scenarios.Release(run.Point);
                if (entry is null) return; // cancelled mid-run: not journaled, redone on resume
                journal.Append(entry);
                int total = Interlocked.Increment(ref finished);
                if (!entry.Completed) Interlocked.Increment(ref failed);
                if (total % SyncEvery == 0) spools.SyncWith(journal);
                onFinished?.Invoke(entry);
            }
        }
    }

    private JournalEntry? Execute(SweepRun run, LoadResult scenario, Func<SpoolWriter> spool, CancellationToken cancel)
    {
        if (scenario.Scenario is not { } resolved)
        {
            return Failed(run, string.Join("; ", scenario.Problems.Select(p => p.ToString())));
        }
        RunResult result;
        double[] metrics;
        try
        {
            result = Simulator.Run(resolved, run.Replication, run.Seed, cancel);
            metrics = new double[SummaryMetrics.Columns.Count];
            for (int m = 0; m < metrics.Length; m++)
            {
                metrics[m] = SummaryMetrics.Columns[m].Read(result.Summary);
                if (!double.IsFinite(metrics[m]))
                    return Failed(run, $"summary metric {SummaryMetrics.Columns[m].Name} is {metrics[m]}, not a finite number");
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IOException and not UnauthorizedAccessException)
        {
            // A model failure belongs to this run only; disk trouble is the sweep's and stops it.
            return Failed(run, $"{e.GetType().Name}: {e.Message}");
        }
        // Before the journal line, so a journaled run's series is always in a spool file.
        spool().Append(run.Id, result.Steps);
        return new JournalEntry(run.Id, run.Point, run.Replication, run.Seed, true, null, metrics);
    }

    private static JournalEntry Failed(SweepRun run, string error) =>
        new(run.Id, run.Point, run.Replication, run.Seed, false, error, []);

    /// <summary>The ids still to run, handed out in ascending order to whichever worker asks next.</summary>
    private sealed class PendingRuns(long runCount, RunSet done)
    {
        private readonly Lock _gate = new();
        private long _next;

        public bool TryTake(out long id)
        {
            lock (_gate)
            {
                while (_next < runCount && done[_next]) _next++;
                id = _next;
                if (_next == runCount) return false;
                _next++;
                return true;
            }
        }
    }

    /// <summary>The workers' spool files of this session, each created when its worker finishes its first run.</summary>
    private sealed class Spools(string folder, int session) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<int, SpoolWriter> _writers = [];

        public SpoolWriter Of(int worker)
        {
            lock (_gate)
            {
                if (!_writers.TryGetValue(worker, out SpoolWriter? writer))
                {
                    _writers[worker] = writer = SpoolWriter.Create(RunSpool.PathOf(folder, session, worker));
                }
                return writer;
            }
        }

        /// <summary>Flushes every spool file, then the journal, to the disk.</summary>
        public void SyncWith(SweepJournal journal)
        {
            lock (_gate)
            {
                foreach (SpoolWriter writer in _writers.Values) writer.Sync();
            }
            journal.Sync();
        }

        /// <summary>Flushes every spool file to the disk and closes it.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                foreach (SpoolWriter writer in _writers.Values) writer.Dispose();
                _writers.Clear();
            }
        }

        /// <summary>Closes every spool file, ignoring a flush that fails (what was written stays for the resume to check).</summary>
        public void Close()
        {
            lock (_gate)
            {
                foreach (SpoolWriter writer in _writers.Values)
                {
                    try
                    {
                        writer.Dispose();
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Reported by the worker that failed first; a resume checks every record.
                    }
                }
                _writers.Clear();
            }
        }
    }

    /// <summary>
    /// The resolved scenario of each design point, built once and kept only while the point still has
    /// runs to do, so the cache holds the points in flight rather than every point of the design.
    /// </summary>
    private sealed class PointScenarios
    {
        private readonly SweepPlan _plan;
        private readonly int[] _remaining;
        private readonly ConcurrentDictionary<int, Lazy<LoadResult>> _cache = new();

        public PointScenarios(SweepPlan plan, RunSet done)
        {
            _plan = plan;
            _remaining = new int[plan.Points.Count];
            for (long id = 0; id < plan.RunCount; id++)
            {
                if (!done[id]) _remaining[plan.Run(id).Point]++;
            }
        }

        public LoadResult Get(int point) =>
            _cache.GetOrAdd(point, p => new Lazy<LoadResult>(() => _plan.ScenarioAt(_plan.Points[p]))).Value;

        public void Release(int point)
        {
            if (Interlocked.Decrement(ref _remaining[point]) == 0) _cache.TryRemove(point, out _);
        }
    }
}

/// <summary>What a call of <see cref="SweepRunner.Run"/> did: runs journaled, of which failed, and whether it was cancelled.</summary>
internal sealed record SweepRunnerResult(int Finished, int Failed, bool Cancelled);
