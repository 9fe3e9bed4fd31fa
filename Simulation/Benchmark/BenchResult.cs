namespace TrustSim.Benchmark;

/// <summary>The figures of one benchmark configuration (see docs in README, Performance).</summary>
internal sealed record BenchResult
{
    public required string Influence { get; init; }
    public required int Threads { get; init; }
    public required int Users { get; init; }
    public required int Steps { get; init; }
    public required int Institutions { get; init; }

    /// <summary>Users times steps divided by the stepping wall time, user-steps per second.</summary>
    public required double UserStepsPerSecond { get; init; }

    /// <summary>Stepping wall time per user and step, nanoseconds.</summary>
    public required double NsPerUserStep { get; init; }

    /// <summary>Bytes of per-user state arrays per user (excluding the network's edges), bytes.</summary>
    public required double StateBytesPerUser { get; init; }

    /// <summary>Bytes of the network's adjacency arrays per user (0 without a network), bytes.</summary>
    public required double NetworkBytesPerUser { get; init; }

    /// <summary>Mean bytes allocated by World.Step on the calling thread in steady-state steps (after the first year, no event logged), bytes.</summary>
    public required double AllocatedBytesPerSteadyStep { get; init; }

    /// <summary>Number of steps counted as steady state.</summary>
    public required int SteadySteps { get; init; }

    /// <summary>Mean bytes allocated by World.Step over all steps, event steps included, bytes.</summary>
    public required double AllocatedBytesPerStepAll { get; init; }

    /// <summary>Bytes allocated by every other thread (the chunk workers among them) over all the steps, bytes.</summary>
    public required long OtherThreadsAllocatedBytes { get; init; }

    /// <summary>Peak resident set of the process while building and stepping this configuration's world, bytes.</summary>
    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>Building the world (institutions, population, outlook, and the network when networked), seconds.</summary>
    public required double SetupSeconds { get; init; }

    /// <summary>The Watts-Strogatz network built once more on its own, timed apart, seconds (0 without a network).</summary>
    public required double NetworkSetupSeconds { get; init; }

    /// <summary>Stepping and recording all steps, seconds.</summary>
    public required double StepSeconds { get; init; }

    /// <summary>Setup plus stepping, seconds.</summary>
    public required double WallSeconds { get; init; }
}
