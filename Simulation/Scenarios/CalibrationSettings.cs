namespace TrustSim.Scenarios;

/// <summary>
/// The <c>calibrate:</c> section: parameters to fit, observed data to fit them to, the method, and its
/// effort (chains, warmup and draws for the posterior; budget and starts for the optimiser). Absent
/// for a plain run.
/// </summary>
internal sealed record CalibrationSettings
{
    public IReadOnlyList<CalibrationParameter> Parameters { get; init; } = [];

    public IReadOnlyList<Observation> Observed { get; init; } = [];

    [Parameter("CSV of observations (step or date, metric, value, optional se or weight), relative to the scenario file")]
    public string Data { get; init; } = "";

    [Parameter("posterior (adaptive Metropolis chains: a distribution of parameter values) or optimize (Nelder-Mead: one best point)")]
    public CalibrationMethod Method { get; init; } = CalibrationMethod.Posterior;

    [Parameter("replications per evaluation, with common random numbers across evaluations", Min = 1, Max = 10_000)]
    public int Replications { get; init; } = 4;

    [Parameter("optimize: most model evaluations over all starts", Min = 1, Max = 1_000_000)]
    public int Budget { get; init; } = 400;

    [Parameter("optimize: starts (the first from the scenario's values, the rest spread over the bounds)", Min = 1, Max = 1000)]
    public int Starts { get; init; } = 3;

    [Parameter("posterior: Markov chains, started apart and run in parallel", Min = 2, Max = 256)]
    public int Chains { get; init; } = 4;

    [Parameter("posterior: warmup iterations per chain (the proposal adapts; the draws are discarded)", Min = 10, Max = 1_000_000)]
    public int Warmup { get; init; } = 1000;

    [Parameter("posterior: draws kept per chain after warmup", Min = 10, Max = 1_000_000)]
    public int Draws { get; init; } = 1000;

    [Parameter("posterior: where the chains move: logit (each range mapped onto the whole line) or bounded (each parameter's own scale, proposals outside the bounds refused)")]
    public SamplingSpace SamplingSpace { get; init; } = SamplingSpace.Logit;

    /// <summary>The prior range of the error scale of observations without se (posterior only).</summary>
    public ErrorScaleSettings Sigma { get; init; } = new();

    [Parameter("posterior: points per parameter of the profile likelihood (0: no profile)", Min = 0, Max = 1000)]
    public int ProfilePoints { get; init; } = 9;

    [Parameter("posterior: model evaluations to maximise the likelihood over the other parameters at each profile point", Min = 1, Max = 100_000)]
    public int ProfileEvaluations { get; init; } = 30;
}
