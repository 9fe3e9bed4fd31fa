using TrustSim.Engine;
using TrustSim.Metrics;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Reports;

/// <summary>Hand-made run results shaped like the engine's, for output and chart tests.</summary>
internal static class SyntheticRuns
{
    public static readonly DateOnly Start = new(2016, 4, 11);

    public static Scenario Scenario(string name = "synthetic") => new()
    {
        Name = name,
        Seed = 42,
        Shocks =
        [
            new ShockSpec { Step = 101, Type = ShockType.Misuse, Affected = 8.7e7, Label = "Cambridge Analytica" },
            new ShockSpec { Step = 110, Type = ShockType.Commitment, Severity = 0.2, Label = "Privacy commitments" },
        ],
    };

    /// <summary>
    /// Weekly steps 0..steps from 2016-04-11: reputation 0.79 dropping to 0.27 at step 101 and
    /// recovering; partners moving out of Full after the scandal; Full empty (NaN) for a while.
    /// </summary>
    public static IReadOnlyList<RunResult> Realistic(int replications = 20, int steps = 260)
    {
        var results = new List<RunResult>();
        for (int r = 0; r < replications; r++)
        {
            var random = new Random(1000 + r);
            double noise = (random.NextDouble() - 0.5) * 0.08;
            var rows = new List<StepMetrics>();
            for (int s = 0; s <= steps; s++)
            {
                rows.Add(RealisticStep(s, noise, random));
            }
            results.Add(new RunResult(r, (ulong)(12345 + r), rows, Summary(rows), Events(r), Institutions(r)));
        }
        return results;
    }

    private static StepMetrics RealisticStep(int s, double noise, Random random)
    {
        double reputation = s < 101 ? 0.79 + noise * 0.2 : 0.27 + noise + (0.6 - 0.27) * (1 - Math.Exp(-(s - 101) / 40.0));
        reputation = Math.Clamp(reputation + (random.NextDouble() - 0.5) * 0.01, 0, 1);
        double full = s < 101 ? 0.05 + 0.25 * s / 100.0 : Math.Max(0, 0.30 - 0.05 * (s - 100));
        double limited = s < 101 ? 0.10 + 0.20 * s / 100.0 : Math.Min(0.55, 0.30 + 0.004 * (s - 100));
        double aware = Math.Min(0.95, 0.02 + s * 0.004);
        return new StepMetrics
        {
            Step = s,
            Date = Start.AddDays(7 * s),
            Reputation = reputation,
            Anchor = s < 110 ? 0.8 : 0.62,
            Reach = 1.0e9 + s * 3.5e6,
            Aware = aware,
            Adoption = aware * (0.25 + 0.1 * reputation) + noise * 0.02,
            PartnersFull = full,
            PartnersLimited = limited,
            PartnersNone = 1 - full - limited,
            RecordsHeld = (s * 0.4e6 + noise * 1e6) * (s < 101 ? 1 : 0.7),
            ReputationNone = 0.7,
            ReputationLimited = 0.72 - (s > 101 ? 0.05 : 0),
            ReputationFull = full > 0 ? 0.75 - (s > 101 ? 0.2 : 0) : double.NaN,
            Exits = s == 102 ? 4 : 0,
        };
    }

    private static SummaryMetrics Summary(IReadOnlyList<StepMetrics> rows) => new()
    {
        FinalReputation = rows[^1].Reputation,
        MinReputation = rows.Min(m => m.Reputation),
        FinalAdoption = rows[^1].Adoption,
        RecordsHeldFinal = rows[^1].RecordsHeld,
    };

    private static IReadOnlyList<EventRecord> Events(int replication) =>
    [
        new(101, Start.AddDays(7 * 101), WorldEvent.ShockOf(ShockType.Misuse, EventCause.Scheduled, 8.7e7, 0.446, 0.519, "Cambridge Analytica")),
        new(102, Start.AddDays(7 * 102), WorldEvent.ModeSwitch("Bank 3", PartnershipMode.Full, PartnershipMode.None, EventCause.Choice)),
        new(110, Start.AddDays(7 * 110), WorldEvent.Commitment(double.NaN, 0.3, 0.08, 0.2, "Privacy commitments")),
        new(170, Start.AddDays(7 * 170), WorldEvent.InterventionOf(InterventionType.Fine, new EventFigures(AmountUsd: 5e9), "FTC fine")),
        new(120 + replication, Start.AddDays(7 * (120 + replication)), WorldEvent.ShockOf(ShockType.Hack, EventCause.Random, double.NaN, 0.3, 0.1, "")),
    ];

    private static IReadOnlyList<InstitutionOutcome> Institutions(int replication) =>
    [
        new() { Index = 0, Name = "Bank 0", Type = InstitutionType.Bank, Size = 1.5, FinalMode = PartnershipMode.Limited, Reputation = 0.7 + replication * 0.001 },
        new() { Index = 1, Name = "Pay 1", Type = InstitutionType.Payment, Size = 0.5, InitialMode = PartnershipMode.Full, FinalMode = PartnershipMode.None },
    ];

    /// <summary>A tiny run with exact values, for checking CSV text character by character.</summary>
    public static RunResult Tiny(int replication = 0) => new(
        replication,
        18446744073709551615UL,
        [
            new StepMetrics { Step = 0, Date = Start, Reputation = 0.79, Anchor = 0.8, Reach = 1e9, ReputationFull = double.NaN, Breaches = 0 },
            new StepMetrics { Step = 1, Date = Start.AddDays(7), Reputation = 0.1 + 0.2, Anchor = 0.8, Reach = 1.0005e9, ReputationFull = 0.5, Breaches = 2 },
        ],
        new SummaryMetrics { FinalReputation = 0.30000000000000004, MinReputation = double.NaN, Breaches = 2 },
        [
            new EventRecord(1, Start.AddDays(7), WorldEvent.ModeSwitch("Bank, \"Big\" 1", PartnershipMode.None, PartnershipMode.Full, EventCause.Choice)),
            new EventRecord(1, Start.AddDays(7), WorldEvent.ShockOf(ShockType.Misuse, EventCause.Scheduled, double.NaN, 0.25, 0.5, "Scandal")),
        ],
        [
            new InstitutionOutcome
            {
                Index = 3, Name = "Bank 3", Type = InstitutionType.Bank, Size = 2.5, Theta = 0.1, Rho = -0.25,
                InitialMode = PartnershipMode.None, FinalMode = PartnershipMode.Full, Reputation = 0.75,
                Welfare = 1e21, Switches = 1, Customers = 120, Adoption = double.NaN,
            },
        ]);
}
