using System.Globalization;
using TrustSim.Scenarios;

namespace TrustSim.Engine;

/// <summary>
/// How much memory a command will need, worked out from the scenario alone before anything big is
/// allocated, so an impossible run is refused with a sentence instead of dying of an out-of-memory
/// kill hours later. The figures follow the engine's storage: users as plain arrays, the network as
/// compressed adjacency lists (its build briefly holds the edge lists twice), institutions as
/// profiles and state arrays, and each run's recorded steps, events (mode switches grow with
/// institutions x steps) and institution outcomes.
/// </summary>
/// <param name="Users">Users of the largest run, agents.</param>
/// <param name="PopulationBytes">Peak bytes of one run's world (users, network and the network's build arrays, institutions).</param>
/// <param name="RecordedBytes">Bytes of one run's recorded steps, events and institution outcomes.</param>
/// <param name="ConcurrentRuns">Runs whose worlds exist at once: min(workers, runs).</param>
/// <param name="KeptRuns">Runs whose recorded results are held at once.</param>
/// <param name="BookkeepingBytes">Bytes that grow with the number of runs rather than their size (a sweep's design points and journal index).</param>
/// <param name="Institutions">Institutions of the largest run.</param>
/// <param name="InstitutionBytes">The part of the total that institutions cause: their worlds, outcomes and mode-switch events.</param>
internal sealed record MemoryEstimate(int Users, long PopulationBytes, long RecordedBytes, int ConcurrentRuns, int KeptRuns,
    long BookkeepingBytes = 0, long Institutions = 0, long InstitutionBytes = 0)
{
    /// <summary>Bytes per user without a network: concern (float), trust offset (float), state (byte).</summary>
    public const int BytesPerUser = 9;

    /// <summary>Extra bytes per user under network influence: the packed neighbour counts (int).</summary>
    public const int NetworkCountBytes = 4;

    /// <summary>
    /// Bytes of one recorded step: a StepMetrics object (header, 23 doubles, 5 ints) and its list slot.
    /// </summary>
    public const int StepBytes = 240;

    /// <summary>Allowance per run for the events that do not grow with institutions (random scandals, breaches), bytes.</summary>
    public const long EventBytesPerRun = 256 * 1024;

    /// <summary>
    /// Bytes of one institution in a run's world: its profile record and name (about 120), its state
    /// arrays (mode twice, reputation, welfare, switches, flags, relative size: 38) and its block of
    /// customers and the adoption outlook (about 40).
    /// </summary>
    public const int InstitutionBytesPerRun = 200;

    /// <summary>
    /// Bytes of one institution's outcome held with a finished run: the InstitutionOutcome record (104),
    /// its slot (8) and its name, which the outcome keeps alive (about 56); measured at 220 a held
    /// replication of 200,000 institutions (44 MB), the collector's slack included.
    /// </summary>
    public const int OutcomeBytes = 220;

    /// <summary>
    /// Bytes of one logged event: measured at 136 over 250,000 mode switches a run when each was an
    /// object with a detail text. It is now a typed value of 72 bytes in the list, up to twice that
    /// just after the list grows (about 108 on average), and a mode switch allocates nothing else;
    /// the measured figure is kept as the bound (a test holds it above 1.5 records).
    /// </summary>
    public const int EventBytes = 136;

    /// <summary>
    /// The runtime, libraries, chart rendering and the garbage collector's slack, bytes: a run of
    /// 1,000 users peaks at a working set of 82 MB.
    /// </summary>
    public const long RuntimeOverheadBytes = 100_000_000;

    /// <summary>Total estimated bytes.</summary>
    public long TotalBytes => RuntimeOverheadBytes + ConcurrentRuns * PopulationBytes + KeptRuns * RecordedBytes + BookkeepingBytes;

    /// <summary>Institutions of a run: the generated banks and payment firms plus the named ones.</summary>
    public static long InstitutionCount(InstitutionSettings institutions)
    {
        ArgumentNullException.ThrowIfNull(institutions);
        return Math.Max(0L, institutions.Generated.Banks) + Math.Max(0L, institutions.Generated.Payments) + institutions.Named.Count;
    }

    /// <summary>
    /// Events one run may log beyond the allowance. Mode switches: every institution reviews its mode
    /// with chance r_b (institutions.reconsider) each step, and a review leaves the mode it holds with
    /// chance <see cref="ChangeChance"/>; a ban on Full moves every institution once more; each
    /// scheduled shock or intervention logs at most two lines.
    /// </summary>
    public static long Events(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var settings = scenario.Institutions;
        long institutions = InstitutionCount(settings);
        double reviews = institutions * (double)Math.Max(0, scenario.Time.Steps) * Math.Clamp(settings.Reconsider, 0, 1);
        long bans = scenario.Interventions.Count(i => i.Type == InterventionType.BanFullMode);
        long scheduled = 2L * (scenario.Shocks.Count + scenario.Interventions.Count);
        return (long)Math.Ceiling(reviews * ChangeChance(settings)) + bans * institutions + scheduled;
    }

    /// <summary>
    /// The chance that a review changes the mode, 2x / (1 + 2x) with x = exp(-C_sw / mu_b): the logit
    /// choice's chance of leaving the mode held when the two others pay no more than it before the
    /// switching cost C_sw, the case a review that changes nothing in the world is in. It tends to
    /// 2/3 as the choice noise mu_b grows (every mode alike) and is 0.21 at the defaults; the shipped
    /// scenarios measure 0.04 to 0.07 (0.3% to 0.55% of institution-steps at r_b = 1/13), the rest
    /// being the margin for reviews prompted by peers' exits and for shocks that reorder the modes.
    /// </summary>
    public static double ChangeChance(InstitutionSettings institutions)
    {
        ArgumentNullException.ThrowIfNull(institutions);
        double noise = Math.Max(institutions.ChoiceNoise, 1e-6);
        double x = Math.Exp(-Math.Max(0, institutions.SwitchingCost) / noise);
        return 2 * x / (1 + 2 * x);
    }

    /// <summary>
    /// The estimate for <paramref name="concurrentRuns"/> runs of <paramref name="scenario"/> at once, with
    /// the recorded results of <paramref name="keptRuns"/> runs held together.
    /// </summary>
    public static MemoryEstimate For(Scenario scenario, int concurrentRuns, int keptRuns)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int concurrent = Math.Max(1, concurrentRuns), kept = Math.Max(1, keptRuns);
        long institutions = InstitutionCount(scenario.Institutions);
        long world = institutions * InstitutionBytesPerRun;
        long recorded = institutions * OutcomeBytes + Events(scenario) * EventBytes;
        return new MemoryEstimate(scenario.Users.Count, Population(scenario.Users) + world, Recorded(scenario),
            concurrent, kept, Institutions: institutions, InstitutionBytes: concurrent * world + kept * recorded);
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

    /// <summary>Bytes of one run's recorded results: every step's metrics, the event allowance, the institutions' events and outcomes.</summary>
    public static long Recorded(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return (scenario.Time.Steps + 1L) * StepBytes + EventBytesPerRun
               + InstitutionCount(scenario.Institutions) * OutcomeBytes + Events(scenario) * EventBytes;
    }

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
        if (InstitutionBytes > TotalBytes / 2)
        {
            string held = KeptRuns == 1 ? "1 run" : $"{KeptRuns} runs";
            return string.Create(CultureInfo.InvariantCulture,
                $"{what} needs about {Gigabytes(TotalBytes)} ({UserCount(Institutions)} institutions x {held} held, {workers}); {Gigabytes(availableBytes)} is available: " +
                $"lower institutions.generated.banks, institutions.generated.payments, the replications or {parallelism}");
        }
        string network = PopulationBytes - Institutions * InstitutionBytesPerRun > (long)Users * BytesPerUser ? ", users.network.degree" : "";
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
