namespace TrustSim.Scenarios;

/// <summary>
/// The <c>calibrate:</c> section: parameters to fit, observed data to fit them to, the loss, and
/// the budget. Absent for a plain run.
/// </summary>
internal sealed record CalibrationSettings
{
    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    public IReadOnlyList<Observation> Observed { get; init; } = [];

    [Parameter("CSV of observations (step or date, metric, value, optional se or weight), relative to the scenario file")]
    public string Data { get; init; } = "";

    [Parameter("replications per evaluation, with common random numbers across evaluations", Min = 1, Max = 10_000)]
    public int Replications { get; init; } = 4;

    [Parameter("most model evaluations over all starts", Min = 1, Max = 1_000_000)]
    public int Budget { get; init; } = 400;

    [Parameter("optimiser starts (the first from the scenario's values, the rest spread over the bounds)", Min = 1, Max = 1000)]
    public int Starts { get; init; } = 3;
}
