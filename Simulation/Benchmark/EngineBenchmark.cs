using System.Diagnostics;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Benchmark;

/// <summary>
/// Times one run of a scenario through <see cref="Simulator.Run(Scenario, int, ulong, CancellationToken, int, IStepHook)"/>
/// itself, watching its loop with a <see cref="IStepHook"/>: setup (the world, and the network on its
/// own) apart from stepping, the allocation of every step, and the process's peak resident set.
/// Lives outside Model/ and Engine/ because it reads the clock.
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
        var timing = new StepTiming(scenario, seed);
        Simulator.Run(scenario, 0, seed, threads: c.Threads, hook: timing);
        var world = timing.World!;
        var network = world.Users.Network;
        var users = scenario.Users.Count;
        var userSteps = (double)users * scenario.Time.Steps;
        return new BenchResult
        {
            Influence = c.Influence,
            Threads = c.Threads,
            Users = users,
            Steps = scenario.Time.Steps,
            Institutions = world.Institutions.Count,
            UserStepsPerSecond = userSteps / timing.StepSeconds,
            NsPerUserStep = timing.StepSeconds * 1e9 / userSteps,
            StateBytesPerUser = world.Users.StateBytesPerUser,
            NetworkBytesPerUser = network is null ? 0 : ((long)network.Offsets.Length + network.Neighbours.Length) * sizeof(int) / (double)users,
            AllocatedBytesPerSteadyStep = timing.SteadySteps == 0 ? double.NaN : (double)timing.SteadyBytes / timing.SteadySteps,
            SteadySteps = timing.SteadySteps,
            AllocatedBytesPerStepAll = (double)timing.AllBytes / scenario.Time.Steps,
            OtherThreadsAllocatedBytes = timing.OtherThreadBytes,
            PeakWorkingSetBytes = Math.Max(timing.SetupPeak, PeakWorkingSet()),
            SetupSeconds = timing.SetupSeconds,
            NetworkSetupSeconds = timing.NetworkSeconds,
            StepSeconds = timing.StepSeconds,
            WallSeconds = timing.SetupSeconds + timing.StepSeconds,
        };
    }

    /// <summary>
    /// The clock and allocation counters around the simulator's own loop. Per step, the calling
    /// thread's own counter: exact and cheap. The chunk workers are counted once over the whole loop,
    /// because the precise all-threads counter takes long enough with several threads to distort a
    /// step of half a millisecond.
    /// </summary>
    private sealed class StepTiming(Scenario scenario, ulong seed) : IStepHook
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private Recorder? _recorder;
        private int _eventsBefore;
        private long _bytesBefore;
        private long _allThreadsBefore;
        private long _thisThreadBefore;

        public World? World { get; private set; }
        public double SetupSeconds { get; private set; }
        public double NetworkSeconds { get; private set; }
        public double StepSeconds { get; private set; }
        public long SetupPeak { get; private set; }
        public long SteadyBytes { get; private set; }
        public long AllBytes { get; private set; }
        public int SteadySteps { get; private set; }
        public long OtherThreadBytes { get; private set; }

        public void Built(World world, Recorder recorder)
        {
            SetupSeconds = _clock.Elapsed.TotalSeconds;
            World = world;
            _recorder = recorder;
            SetupPeak = PeakWorkingSet();
            if (scenario.Users.Influence == InfluenceKind.Network)
            {
                // The network once more on its own, with the generator the world used, so its share of setup shows.
                var n = scenario.Users.Network;
                _clock.Restart();
                SocialNetwork.WattsStrogatz(scenario.Users.Count, n.Degree, n.Rewiring, SeedSequence.For(seed, SeedSequence.Stream.Network));
                NetworkSeconds = _clock.Elapsed.TotalSeconds;
                // The spare copy is garbage: keep it out of the peak of the run itself.
                ResetPeak();
            }
            _allThreadsBefore = GC.GetTotalAllocatedBytes(precise: true);
            _thisThreadBefore = GC.GetAllocatedBytesForCurrentThread();
            _clock.Restart();
        }

        public void Stepping(int step)
        {
            _eventsBefore = _recorder!.Events.Count;
            _bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        }

        public void Stepped(int step)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread() - _bytesBefore;
            AllBytes += bytes;
            if (step > WarmUpSteps && _recorder!.Events.Count == _eventsBefore)
            {
                SteadyBytes += bytes;
                SteadySteps++;
            }
        }

        public void Finished()
        {
            StepSeconds = _clock.Elapsed.TotalSeconds;
            OtherThreadBytes = GC.GetTotalAllocatedBytes(precise: true) - _allThreadsBefore
                               - (GC.GetAllocatedBytesForCurrentThread() - _thisThreadBefore);
        }
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
