using System.Globalization;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// What a sweep will run: the design's points, the replications at each, and every run's seed.
/// Built from the scenario alone, so every worker, shard and resumed sweep sees the same plan.
/// </summary>
internal sealed class SweepPlan
{
    private SweepPlan(Scenario scenario, SweepSettings sweep, IReadOnlyList<DesignPoint> points)
    {
        Scenario = scenario;
        Sweep = sweep;
        Points = points;
    }

    public Scenario Scenario { get; }

    public SweepSettings Sweep { get; }

    public IReadOnlyList<SweepParameter> Parameters => Sweep.Parameters;

    public IReadOnlyList<DesignPoint> Points { get; }

    public int Replications => Sweep.Replications;

    public long RunCount => (long)Points.Count * Replications;

    /// <summary>The plan of a scenario's sweep section; the design's own draws come from the master seed.</summary>
    public static SweepPlan Build(Scenario scenario)
    {
        var sweep = scenario.Sweep ?? throw new InvalidOperationException("the scenario has no sweep section");
        var points = sweep.Design switch
        {
            SweepDesign.Grid => GridDesign.Points(sweep.Parameters),
            _ => throw new NotSupportedException($"design {sweep.Design} is not available yet"),
        };
        return new SweepPlan(scenario, sweep, points);
    }

    public SweepRun Run(long id)
    {
        var point = (int)(id / Replications);
        var replication = (int)(id % Replications);
        return new SweepRun(id, point, replication, SeedSequence.RunSeed(Scenario.Seed, point, replication));
    }

    /// <summary>
    /// The scenario at a design point: the swept values applied as --set overrides to the resolved
    /// scenario and checked like any scenario, so an out-of-range value is a located problem, not a crash.
    /// </summary>
    public LoadResult ScenarioAt(DesignPoint point)
    {
        var overrides = Parameters.Select((p, k) => $"{p.Path}={point.Values[k].ToString("R", CultureInfo.InvariantCulture)}").ToList();
        var resolved = ScenarioLoader.LoadText(ScenarioWriter.ToYaml(Scenario with { Sweep = null, Calibrate = null }),
            $"{Scenario.Name} (design point {point.Index})", overrides);
        return resolved;
    }
}
