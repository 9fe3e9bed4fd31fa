using TrustSim.Core;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Engine;

/// <summary>Runs one replication of a scenario from its seed to its last step.</summary>
internal static class Simulator
{
    /// <summary>The seed of replication <paramref name="replication"/> of a plain run (design point 0).</summary>
    public static ulong ReplicationSeed(Scenario scenario, int replication) =>
        SeedSequence.RunSeed(scenario.Seed, 0, replication);

    public static RunResult Run(Scenario scenario, int replication) =>
        Run(scenario, replication, ReplicationSeed(scenario, replication));

    /// <summary>
    /// Builds the world, records step 0, steps to the end and sums up. <paramref name="threads"/>
    /// splits the users' phase of this one run over that many threads; the results are the same
    /// for any count. Keep 1 inside sweeps and replications, which already run whole runs in parallel.
    /// <paramref name="hook"/> sees the loop from inside (the benchmark times it); it changes nothing.
    /// </summary>
    public static RunResult Run(Scenario scenario, int replication, ulong seed, CancellationToken cancel = default, int threads = 1,
        IStepHook? hook = null)
    {
        using var pool = ChunkPool.Create(threads);
        var recorder = new Recorder(scenario.Time);
        var world = WorldBuilder.Build(scenario, seed, recorder, pool);
        recorder.Record(world);
        hook?.Built(world, recorder);
        for (var t = 1; t <= scenario.Time.Steps; t++)
        {
            cancel.ThrowIfCancellationRequested();
            hook?.Stepping(t);
            world.Step();
            hook?.Stepped(t);
            recorder.Record(world);
        }
        hook?.Finished();
        return new RunResult(replication, seed, recorder.Steps, recorder.Summarize(world), recorder.Events, Outcomes(world));
    }

    /// <summary>
    /// All replications of a scenario, <paramref name="workers"/> at once; the results come back in
    /// replication order. <paramref name="threads"/> is each run's own thread count (see <see cref="Run(Scenario, int, ulong, CancellationToken, int, IStepHook)"/>).
    /// </summary>
    public static IReadOnlyList<RunResult> RunReplications(Scenario scenario, int workers, Action<RunResult>? onDone = null,
        CancellationToken cancel = default, int threads = 1)
    {
        var results = new RunResult[scenario.Replications];
        Parallel.For(0, scenario.Replications,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancel },
            r =>
            {
                results[r] = Run(scenario, r, ReplicationSeed(scenario, r), cancel, threads);
                onDone?.Invoke(results[r]);
            });
        return results;
    }

    private static IReadOnlyList<InstitutionOutcome> Outcomes(World w)
    {
        var inst = w.Institutions;
        var outcomes = new InstitutionOutcome[inst.Count];
        for (var j = 0; j < inst.Count; j++)
        {
            var p = inst.Profiles[j];
            outcomes[j] = new InstitutionOutcome
            {
                Index = j,
                Name = p.Name,
                Type = p.Type,
                Size = p.Size,
                Theta = p.Theta,
                Rho = p.Rho,
                InitialMode = p.InitialMode,
                FinalMode = inst.Modes[j],
                Reputation = inst.Reputation[j],
                Welfare = inst.Welfare[j],
                Switches = inst.Switches[j],
                Customers = w.Users.Customers(j),
                Adoption = w.Users.AdoptionShare(j),
            };
        }
        return outcomes;
    }
}
