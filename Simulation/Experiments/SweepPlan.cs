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
        _patched = new Lazy<PatchedPoints?>(() => PatchedPoints.Try(this));
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
    /// Where the swept keys allow it, the values are set straight on the first point's scenario instead
    /// (<see cref="ScenarioPatch"/>), which gives the same scenario without loading it again; a point
    /// whose values it cannot take, or that fails the checks, is loaded, for the loader's messages.
    /// </summary>
    public LoadResult ScenarioAt(DesignPoint point) =>
        _patched.Value?.At(point) is { } patched ? LoadResult.Success(patched) : Load(point);

    private LoadResult Load(DesignPoint point)
    {
        var overrides = Parameters.Select((p, k) => $"{p.Path}={point.Values[k].ToString("R", CultureInfo.InvariantCulture)}").ToList();
        string name = NameAt(point);
        // The base text is written and parsed once for every point; a point with problems is loaded
        // again under its own name, so its messages (in runs.csv for a failed run) name the point.
        var (text, root) = _base.Value;
        if (root is not null && ScenarioLoader.LoadParsed(root, name, overrides) is { Scenario: not null } fast) return fast;
        return ScenarioLoader.LoadText(text, name, overrides);
    }

    /// <summary>Whether points are patched rather than loaded. For tests.</summary>
    internal bool Patched => _patched.Value is not null;

    private string NameAt(DesignPoint point) => $"{Scenario.Name} (design point {point.Index})";

    private readonly Lazy<(string Text, MappingNode? Root)> _base;
    private readonly Lazy<PatchedPoints?> _patched;

    /// <summary>The patch of a plan's swept keys and the loaded scenario of its first point, which the patch starts from.</summary>
    private sealed class PatchedPoints(SweepPlan plan, ScenarioPatch patch, Scenario first)
    {
        /// <summary>
        /// The patch, when it gives what the loader gives (every key, as the scenario writer writes
        /// them) at the design's first, middle and last points; null when it cannot be used.
        /// </summary>
        public static PatchedPoints? Try(SweepPlan plan)
        {
            if (plan.Points.Count == 0 || ScenarioPatch.For([.. plan.Parameters.Select(p => p.Path)]) is not { } patch) return null;
            if (plan.Load(plan.Points[0]).Scenario is not { } first) return null;
            foreach (int k in new[] { 0, plan.Points.Count / 2, plan.Points.Count - 1 }.Distinct())
            {
                var loaded = plan.Load(plan.Points[k]).Scenario;
                var patched = patch.Apply(first, plan.Points[k].Values);
                if (loaded is null || patched is null || ScenarioWriter.ToYaml(loaded) != ScenarioWriter.ToYaml(patched)) return null;
            }
            return new PatchedPoints(plan, patch, first);
        }

        /// <summary>The point's scenario, or null when a value is out of its key's range or the scenario fails the checks.</summary>
        public Scenario? At(DesignPoint point)
        {
            if (patch.Apply(first, point.Values) is not { } scenario) return null;
            var problems = new List<ScenarioProblem>();
            ScenarioValidator.Validate(scenario, new ProblemSink(new SourceMap(SourceSpot.StartOf(plan.NameAt(point))), problems));
            return problems.Count == 0 ? scenario : null;
        }
    }
}
