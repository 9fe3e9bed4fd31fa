using System.Diagnostics;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Benchmark;

/// <summary>
/// Times one run of a scenario the way <see cref="Simulator.Run(Scenario, int, ulong, CancellationToken, int)"/>
/// steps it: setup (the world, and the network on its own) apart from stepping, the allocation of
/// every step, and the process's peak resident set. Lives outside Model/ and Engine/ because it
/// reads the clock.
/// </summary>
internal static class EngineBenchmark
{
    /// <summary>Steps of the first year are left out of the steady state (mode switches are frequent early on).</summary>
    private const int WarmUpSteps = 52;

    public static BenchResult Measure(Scenario scenario, BenchCase c)
    {
        WarmUp(scenario, c.Threads);
        ResetPeak();
        var seed = Simulator.ReplicationSeed(scenario, 0);
        using var pool = ChunkPool.Create(c.Threads);
        var recorder = new Recorder(scenario.Time);
        var clock = Stopwatch.StartNew();
        var world = WorldBuilder.Build(scenario, seed, recorder, pool);
        recorder.Record(world);
        var setupSeconds = clock.Elapsed.TotalSeconds;
        var peak = PeakWorkingSet();
        var networkSeconds = 0.0;
        if (scenario.Users.Influence == InfluenceKind.Network)
        {
            // The network once more on its own, with the generator the world used, so its share of setup shows.
            var n = scenario.Users.Network;
            clock.Restart();
            SocialNetwork.WattsStrogatz(scenario.Users.Count, n.Degree, n.Rewiring, SeedSequence.For(seed, SeedSequence.Stream.Network));
            networkSeconds = clock.Elapsed.TotalSeconds;
            // The spare copy is garbage: keep it out of the peak of the run itself.
            ResetPeak();
        }

        // Per step, the calling thread's own counter: exact and cheap. The chunk workers are
        // counted once over the whole loop, because the precise all-threads counter takes long
        // enough with several threads to distort a step of half a millisecond.
        long steadyBytes = 0, allBytes = 0;
        var steady = 0;
        var allThreadsBefore = GC.GetTotalAllocatedBytes(precise: true);
        var thisThreadBefore = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        for (var t = 1; t <= scenario.Time.Steps; t++)
        {
            var events = recorder.Events.Count;
            var before = GC.GetAllocatedBytesForCurrentThread();
            world.Step();
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            recorder.Record(world);
            allBytes += bytes;
            if (t > WarmUpSteps && recorder.Events.Count == events)
            {
                steadyBytes += bytes;
                steady++;
            }
        }
        var stepSeconds = clock.Elapsed.TotalSeconds;
        var otherThreadBytes = GC.GetTotalAllocatedBytes(precise: true) - allThreadsBefore
                               - (GC.GetAllocatedBytesForCurrentThread() - thisThreadBefore);
        var network = world.Users.Network;
        var users = scenario.Users.Count;
        var userSteps = (double)users * scenario.Time.Steps;
        GC.KeepAlive(world);
        return new BenchResult
        {
            Influence = c.Influence,
            Threads = c.Threads,
            Users = users,
            Steps = scenario.Time.Steps,
            Institutions = world.Institutions.Count,
            UserStepsPerSecond = userSteps / stepSeconds,
            NsPerUserStep = stepSeconds * 1e9 / userSteps,
            StateBytesPerUser = world.Users.StateBytesPerUser,
            NetworkBytesPerUser = network is null ? 0 : ((long)network.Offsets.Length + network.Neighbours.Length) * sizeof(int) / (double)users,
            AllocatedBytesPerSteadyStep = steady == 0 ? double.NaN : (double)steadyBytes / steady,
            SteadySteps = steady,
            AllocatedBytesPerStepAll = (double)allBytes / scenario.Time.Steps,
            OtherThreadsAllocatedBytes = otherThreadBytes,
            PeakWorkingSetBytes = Math.Max(peak, PeakWorkingSet()),
            SetupSeconds = setupSeconds,
            NetworkSetupSeconds = networkSeconds,
            StepSeconds = stepSeconds,
            WallSeconds = setupSeconds + stepSeconds,
        };
    }

    /// <summary>
    /// Small untimed runs first, so the JIT has compiled the step's code at full optimisation
    /// and its own allocations are not counted as the engine's. Twice, with pauses: the runtime
    /// starts counting calls for recompilation only once no new method has been compiled for a
    /// while (about 100 ms), and then recompiles on a background thread. Without the pauses that
    /// recompilation fell inside the timed run, where on two cores it took one from the run's
    /// threads (a two-thread run measured after a one-thread run in the same process took 0.09 s
    /// instead of 0.06 s).
    /// </summary>
    private static void WarmUp(Scenario scenario, int threads)
    {
        var small = scenario with
        {
            Users = scenario.Users with { Count = Math.Min(scenario.Users.Count, 3 * UserPopulation.ChunkSize) },
            Time = scenario.Time with { Steps = Math.Min(scenario.Time.Steps, 120) },
        };
        for (var round = 0; round < 2; round++)
        {
            Simulator.Run(small, 0, Simulator.ReplicationSeed(small, 0), threads: threads);
            Thread.Sleep(250);
        }
    }

    /// <summary>
    /// Frees the previous configuration's world and, on Linux, resets the kernel's peak resident
    /// set (VmHWM) so the figure belongs to this configuration alone.
    /// </summary>
    private static void ResetPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            if (File.Exists("/proc/self/clear_refs")) File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }
}
