using System.Globalization;
using TrustSim.Engine;
using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Experiments;

/// <summary>
/// The loss at a parameter vector: the values are applied to the resolved scenario as --set
/// overrides (so they are checked like any scenario), the replications run with the same seeds
/// at every vector (common random numbers: differences in loss come from the parameters, not the
/// draws), and the loss is Σ weight × (observed − replicated mean at its step)².
/// </summary>
internal sealed class CalibrationObjective
{
    private readonly string _baseYaml;
    private readonly MappingNode? _baseDocument;
    private readonly int _lastStep;

    public CalibrationObjective(Scenario scenario, IReadOnlyList<CalibrationTarget> targets, int workers)
    {
        Scenario = scenario;
        Targets = targets;
        var calibrate = scenario.Calibrate ?? throw new InvalidOperationException("the scenario has no calibrate section");
        Parameters = calibrate.Parameters.Select(p => p.Bounds).ToList();
        Replications = scenario.Calibrate.Replications;
        Workers = Math.Max(1, workers);
        _baseYaml = ScenarioWriter.ToYaml(scenario with { Calibrate = null, Sweep = null });
        _baseDocument = ScenarioLoader.Parse(_baseYaml, Label);
        _lastStep = targets.Count == 0 ? 0 : targets.Max(t => t.Step);
    }

    public Scenario Scenario { get; }

    /// <summary>How problems of the scenario at a parameter vector name it.</summary>
    private string Label => $"{Scenario.Name} (calibration)";

    public IReadOnlyList<CalibrationTarget> Targets { get; }

    public IReadOnlyList<SweepParameter> Parameters { get; }

    public int Replications { get; }

    public int Workers { get; }

    /// <summary>The scenario at <paramref name="values"/>, without its calibrate section; problems when the values make it invalid.</summary>
    public LoadResult ScenarioAt(IReadOnlyList<double> values)
    {
        var overrides = Parameters.Select((p, k) => $"{p.Path}={values[k].ToString("R", CultureInfo.InvariantCulture)}").ToList();
        // The base is read once; every evaluation maps and checks it anew with its own values.
        return _baseDocument is null ? ScenarioLoader.LoadText(_baseYaml, Label, overrides) : ScenarioLoader.LoadParsed(_baseDocument, Label, overrides);
    }

    /// <summary>The calibration's replications of <paramref name="scenario"/>, seeded as a plain run of the calibrated scenario.</summary>
    public IReadOnlyList<RunResult> Run(Scenario scenario)
    {
        var results = new RunResult[Replications];
        Parallel.For(0, Replications, new ParallelOptions { MaxDegreeOfParallelism = Workers },
            r => results[r] = Simulator.Run(scenario, r, Simulator.ReplicationSeed(Scenario, r)));
        return results;
    }

    /// <summary>The loss and the replicated means at <paramref name="values"/>; +infinity when they make an invalid scenario.</summary>
    public (double Loss, double[] Means) Evaluate(IReadOnlyList<double> values)
    {
        if (ScenarioAt(values).Scenario is not { } scenario)
            return (double.PositiveInfinity, Targets.Select(_ => double.NaN).ToArray());
        // Nothing after the last observation can change the loss, so the runs stop there.
        var results = Run(scenario with { Time = scenario.Time with { Steps = _lastStep } });
        var means = Means(results);
        return (Loss(means), means);
    }

    /// <summary>
    /// The replicated mean of each of <paramref name="metrics"/> at every step 0..<paramref name="lastStep"/> at
    /// <paramref name="values"/> (NaN values left out, as in <see cref="Means(IReadOnlyList{RunResult})"/>); null when they make an invalid scenario.
    /// </summary>
    public double[][]? Series(IReadOnlyList<double> values, IReadOnlyList<string> metrics, int lastStep)
    {
        if (ScenarioAt(values).Scenario is not { } scenario)
            return null;
        var results = Run(scenario with { Time = scenario.Time with { Steps = lastStep } });
        return metrics.Select(name =>
        {
            var metric = Metrics.StepMetrics.Columns.First(c => c.Name == name);
            return Enumerable.Range(0, lastStep + 1).Select(step =>
            {
                var at = results.Where(r => step < r.Steps.Count).Select(r => metric.Read(r.Steps[step])).Where(v => !double.IsNaN(v)).ToList();
                return at.Count == 0 ? double.NaN : at.Average();
            }).ToArray();
        }).ToArray();
    }

    /// <summary>Mean over replications of each target's metric at its step (NaN values left out).</summary>
    public double[] Means(IReadOnlyList<RunResult> results) => Targets.Select(t =>
    {
        var values = results.Where(r => t.Step < r.Steps.Count).Select(r => t.Metric.Read(r.Steps[t.Step])).Where(v => !double.IsNaN(v)).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }).ToArray();

    public double Loss(IReadOnlyList<double> means)
    {
        var loss = 0.0;
        for (var i = 0; i < Targets.Count; i++)
        {
            if (double.IsNaN(means[i]))
                return double.PositiveInfinity;
            var error = Targets[i].Value - means[i];
            loss += Targets[i].Weight * error * error;
        }
        return loss;
    }
}
