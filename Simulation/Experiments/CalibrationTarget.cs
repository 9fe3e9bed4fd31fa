using TrustSim.Metrics;
using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Experiments;

/// <summary>
/// One observation placed on the run's calendar, with its weight in the loss: 1/se² when a
/// standard error is given, else the observation's own weight.
/// </summary>
internal sealed record CalibrationTarget(int Step, DateOnly Date, MetricColumn<StepMetrics> Metric, double Value, double? Se, double Weight, string Label)
{
    /// <summary>
    /// The scenario's inline observations, then those of its CSV (<c>calibrate.data</c>, relative to
    /// <paramref name="scenarioFile"/>). The scenario was validated, so every observation places.
    /// </summary>
    public static IReadOnlyList<CalibrationTarget> From(Scenario scenario, string scenarioFile) =>
        Observations(scenario, scenarioFile).Select(o => Of(scenario.Time, o)).ToList();

    /// <summary>The scenario's inline observations, then those of its CSV, as written (before placing them on the calendar).</summary>
    public static IReadOnlyList<Observation> Observations(Scenario scenario, string scenarioFile)
    {
        var calibrate = scenario.Calibrate ?? throw new InvalidOperationException("the scenario has no calibrate section");
        var observed = calibrate.Observed.ToList();
        if (calibrate.Data.Length > 0)
        {
            var file = CalibrationValidator.DataPath(scenarioFile, calibrate.Data);
            var problems = new List<ScenarioProblem>();
            var rows = ObservationCsv.Read(file, file, problems);
            if (problems.Count > 0)
                throw new InvalidDataException(problems[0].ToString());
            observed.AddRange(rows.Select(r => r.Observation));
        }
        return observed;
    }

    public static CalibrationTarget Of(TimeSettings time, Observation o)
    {
        var step = o.Step ?? ScenarioSchedule.StepOf(time, o.Date ?? time.Start);
        var metric = StepMetrics.Columns.First(c => c.Name == o.Metric);
        var weight = o.Se is { } se && se > 0 ? 1 / (se * se) : o.Weight;
        return new CalibrationTarget(step, ScenarioSchedule.DateOf(time, step), metric, o.Value, o.Se, weight, o.Label);
    }
}
