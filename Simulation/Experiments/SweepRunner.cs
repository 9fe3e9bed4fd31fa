using System.Collections.Concurrent;
using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// Runs a sweep's pending runs in parallel, one whole run per worker. Each finished run is spooled
/// (parts/) and then journaled; nothing keeps a run's results after that, so memory does not grow
/// with the number of runs. A run that throws or ends with a non-finite summary metric is journaled
/// as failed and the sweep goes on. Cancellation stops new runs from starting and abandons the ones
/// in flight (they are redone on resume).
/// </summary>
internal sealed class SweepRunner(SweepPlan plan, string folder, int workers)
{
    /// <summary>Runs every run whose bit in <paramref name="done"/> is clear; <paramref name="onFinished"/> sees each journaled entry.</summary>
    public SweepRunnerResult Run(SweepJournal journal, RunSet done, Action<JournalEntry>? onFinished, CancellationToken cancel)
    {
        var scenarios = new PointScenarios(plan, done);
        int finished = 0;
        int failed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) };
        // No buffering: each worker takes the next id when it is free, so a slow point cannot hold a queue of runs behind it.
        var pending = Partitioner.Create(Pending(done), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(pending, options, (id, state) =>
        {
            if (cancel.IsCancellationRequested)
            {
                state.Stop();
                return;
            }
            SweepRun run = plan.Run(id);
            JournalEntry? entry = Execute(run, scenarios.Get(run.Point), cancel);
            scenarios.Release(run.Point);
            if (entry is null)
            {
                return; // cancelled mid-run: not journaled, redone on resume
            }
            journal.Append(entry);
            Interlocked.Increment(ref finished);
            if (!entry.Completed) Interlocked.Increment(ref failed);
            onFinished?.Invoke(entry);
        });
        return new SweepRunnerResult(finished, failed, cancel.IsCancellationRequested);
    }

    private IEnumerable<long> Pending(RunSet done)
    {
        for (long id = 0; id < plan.RunCount; id++)
        {
            if (!done[id]) yield return id;
        }
    }

    private JournalEntry? Execute(SweepRun run, LoadResult scenario, CancellationToken cancel)
    {
        if (scenario.Scenario is not { } resolved)
        {
            return Failed(run, string.Join("; ", scenario.Problems.Select(p => p.ToString())));
        }
        try
        {
            RunResult result = Simulator.Run(resolved, run.Replication, run.Seed, cancel);
            var metrics = SummaryMetrics.Columns.Select(c => c.Read(result.Summary)).ToArray();
            int bad = Array.FindIndex(metrics, v => !double.IsFinite(v));
            if (bad >= 0)
            {
                return Failed(run, $"summary metric {SummaryMetrics.Columns[bad].Name} is {metrics[bad]}, not a finite number");
            }
            RunSpool.Write(folder, run.Id, result.Steps);
            return new JournalEntry(run.Id, run.Point, run.Replication, run.Seed, true, null, metrics);
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
    }

    private static JournalEntry Failed(SweepRun run, string error) =>
        new(run.Id, run.Point, run.Replication, run.Seed, false, error, []);

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
