using System.Globalization;
using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Experiments;

/// <summary>
/// What a sweep will run: the design's points, the replications at each, and every run's seed.
/// Built from the scenario alone, so every worker, shard and resumed sweep sees the same plan.
/// </summary>
internal sealed class SweepPlan
{
    private SweepPlan(Scenario scenario, SweepSettings sweep, IReadOnlyList<DesignPoint> points,
        SaltelliLayout? saltelli = null, MorrisDesign? morris = null, IReadOnlyList<string>? warnings = null)
    {
        Scenario = scenario;
        Sweep = sweep;
        Points = points;
        Saltelli = saltelli;
        Morris = morris;
        Warnings = warnings ?? [];
        _base = new Lazy<(string, MappingNode?)>(() =>
        {
            string text = ScenarioWriter.ToYaml(scenario with { Sweep = null, Calibrate = null });
            return (text, ScenarioLoader.Parse(text, scenario.Name));
        });
    }

    public Scenario Scenario { get; }

    public SweepSettings Sweep { get; }

    public IReadOnlyList<SweepParameter> Parameters => Sweep.Parameters;

    public IReadOnlyList<DesignPoint> Points { get; }

    public int Replications => Sweep.Replications;

    /// <summary>For a sobol design: where each base row's A, B, AB and BA points are, for <c>SobolIndices</c>; otherwise null.</summary>
    public SaltelliLayout? Saltelli { get; }

    /// <summary>For a morris design: its trajectories and moves, for <c>MorrisIndices</c>; otherwise null.</summary>
    public MorrisDesign? Morris { get; }

    /// <summary>Advice on the design to show the user before running (never fatal).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public long RunCount => (long)Points.Count * Replications;

    /// <summary>
    /// The plan of a scenario's sweep section. The design's own draws (random points, Latin strata,
    /// Sobol scrambling, Morris starts) come from the master seed's Design stream, so the points
    /// depend on the scenario alone.
    /// </summary>
    public static SweepPlan Build(Scenario scenario)
    {
        var sweep = scenario.Sweep ?? throw new InvalidOperationException("the scenario has no sweep section");
        var rng = SeedSequence.For(scenario.Seed, SeedSequence.Stream.Design);
        switch (sweep.Design)
        {
            case SweepDesign.Grid:
                return new SweepPlan(scenario, sweep, GridDesign.Points(sweep.Parameters));
            case SweepDesign.Random:
                return new SweepPlan(scenario, sweep, RandomDesign.Points(sweep.Parameters, sweep.Samples, rng));
            case SweepDesign.LatinHypercube:
                return new SweepPlan(scenario, sweep, LatinHypercubeDesign.Points(sweep.Parameters, sweep.Samples, rng));
            case SweepDesign.Sobol:
                var saltelli = SaltelliDesign.Build(sweep.Parameters, sweep.Samples, sweep.SecondOrder, rng);
                return new SweepPlan(scenario, sweep, saltelli.Points, saltelli: saltelli.Layout, warnings: saltelli.Warnings);
            case SweepDesign.Morris:
                var morris = MorrisDesign.Build(sweep.Parameters, sweep.Samples, sweep.Levels, rng);
                return new SweepPlan(scenario, sweep, morris.Points, morris: morris, warnings: morris.Warnings);
            case SweepDesign.Threshold:
                // No fixed points: the threshold search chooses each evaluation from the ones before (ThresholdSearch).
                return new SweepPlan(scenario, sweep, []);
            default:
                throw new NotSupportedException($"design {sweep.Design} is not available yet");
        }
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
        string name = $"{Scenario.Name} (design point {point.Index})";
        // The base text is written and parsed once for every point; a point with problems is loaded
        // again under its own name, so its messages (in runs.csv for a failed run) name the point.
        var (text, root) = _base.Value;
        if (root is not null && ScenarioLoader.LoadParsed(root, name, overrides) is { Scenario: not null } fast) return fast;
        return ScenarioLoader.LoadText(text, name, overrides);
    }

    private readonly Lazy<(string Text, MappingNode? Root)> _base;
}
