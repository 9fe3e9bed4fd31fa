using System.Globalization;
using TrustSim.Scenarios;

namespace TrustSim.Engine;

/// <summary>
/// How much memory a command will need, worked out from the scenario alone before anything big is
/// allocated, so an impossible run is refused with a sentence instead of dying of an out-of-memory
/// kill hours later. The figures follow the engine's storage: users as plain arrays, the network as
/// compressed adjacency lists (its build briefly holds the edge lists twice), and each run's
/// recorded steps and events.
/// </summary>
/// <param name="Users">Users of the largest run, agents.</param>
/// <param name="PopulationBytes">Peak bytes of one run's world (users, network and the network's build arrays).</param>
/// <param name="RecordedBytes">Bytes of one run's recorded steps and events.</param>
/// <param name="ConcurrentRuns">Runs whose worlds exist at once: min(workers, runs).</param>
/// <param name="KeptRuns">Runs whose recorded results are held at once.</param>
/// <param name="BookkeepingBytes">Bytes that grow with the number of runs rather than their size (a sweep's design points and journal index).</param>
internal sealed record MemoryEstimate(int Users, long PopulationBytes, long RecordedBytes, int ConcurrentRuns, int KeptRuns, long BookkeepingBytes = 0)
{
    /// <summary>Bytes per user without a network: concern (float), trust offset (float), state (byte).</summary>
    public const int BytesPerUser = 9;

    /// <summary>Extra bytes per user under network influence: the packed neighbour counts (int).</summary>
    public const int NetworkCountBytes = 4;

    /// <summary>
    /// Bytes of one recorded step: a StepMetrics object (header, 23 doubles, 5 ints) and its list slot.
    /// </summary>
    public const int StepBytes = 240;

    /// <summary>Allowance per run for its event log and institution outcomes, bytes.</summary>
    public const long EventBytesPerRun = 256 * 1024;

    /// <summary>
    /// The runtime, libraries, chart rendering and the garbage collector's slack, bytes: a run of
    /// 1,000 users peaks at a working set of 82 MB.
    /// </summary>
    public const long RuntimeOverheadBytes = 100_000_000;

    /// <summary>Total estimated bytes.</summary>
    public long TotalBytes => RuntimeOverheadBytes + ConcurrentRuns * PopulationBytes + KeptRuns * RecordedBytes + BookkeepingBytes;

    /// <summary>
    /// The estimate for <paramref name="concurrentRuns"/> runs of <paramref name="scenario"/> at once, with
    /// the recorded results of <paramref name="keptRuns"/> runs held together.
    /// </summary>
    public static MemoryEstimate For(Scenario scenario, int concurrentRuns, int keptRuns)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new MemoryEstimate(scenario.Users.Count, Population(scenario.Users), Recorded(scenario),
            Math.Max(1, concurrentRuns), Math.Max(1, keptRuns));
    }

    /// <summary>
    /// Peak bytes of one run's users. With a network, the peak is while the adjacency lists are built:
    /// concern and offset (8 bytes a user), the ring permutation, offsets and fill cursors (12 bytes a
    /// user), the edge lists (from and to, 4 bytes each per half edge: 4 x degree a user), the neighbour
    /// array (4 x degree) and its trimmed copy once duplicate edges are dropped (4 x degree), all
    /// reachable or not yet collected together; after the build only the neighbours and offsets stay.
    /// Measured peak working sets (trustsim run, 20 steps) agree: 1e7 users of degree 8 peak at 1.27 GB.
    /// </summary>
    public static long Population(UserSettings users)
    {
        ArgumentNullException.ThrowIfNull(users);
        long n = Math.Max(0, users.Count);
        if (users.Influence != InfluenceKind.Network) return n * BytesPerUser;
        long degree = Math.Max(0, users.Network.Degree);
        long building = n * (8 + 12 + 12 * degree);
        long steady = n * (BytesPerUser + NetworkCountBytes + 4 + 4 * degree);
        return Math.Max(building, steady);
    }

    /// <summary>Bytes of one run's recorded results: every step's metrics plus the event allowance.</summary>
    public static long Recorded(Scenario scenario) =>
        (scenario.Time.Steps + 1L) * StepBytes + EventBytesPerRun;

    /// <summary>
    /// The refusal message when the estimate exceeds <paramref name="availableBytes"/>, or null when it fits.
    /// <paramref name="what"/> names the thing that runs ("this run", "this sweep"); <paramref name="parallelism"/>
    /// is the flag that sets the concurrent runs.
    /// </summary>
    public string? Refusal(long availableBytes, string what, string parallelism = "--workers")
    {
        if (TotalBytes <= availableBytes) return null;
        if (BookkeepingBytes > TotalBytes / 2)
        {
            return $"{what} needs about {Gigabytes(TotalBytes)}, most of it to keep track of its runs; " +
                   $"{Gigabytes(availableBytes)} is available: lower the number of design points or sweep.replications";
        }
        string workers = ConcurrentRuns == 1 ? "1 worker" : $"{ConcurrentRuns} workers";
        string network = PopulationBytes > (long)Users * BytesPerUser ? ", users.network.degree" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} needs about {Gigabytes(TotalBytes)} ({UserCount(Users)} users x {workers}); {Gigabytes(availableBytes)} is available: " +
            $"lower users.count{network} or {parallelism}");
    }

    /// <summary>A user count as people write it: 300, 20,000, 1e6, 2.5e7.</summary>
    public static string UserCount(long users) =>
        users < 100_000
            ? users.ToString("N0", CultureInfo.InvariantCulture)
            : users.ToString("0.##e0", CultureInfo.InvariantCulture);

    /// <summary>Bytes as gigabytes with one decimal (GB = 10^9 bytes).</summary>
    public static string Gigabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB");
}
