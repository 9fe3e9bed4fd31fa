namespace TrustSim.Reports;

/// <summary>The calibration's part of manifest.json: the fit, its loss and the effort behind it.</summary>
internal sealed record CalibrationManifest
{
    /// <summary>Fitted value of each parameter by path.</summary>
    public IReadOnlyList<FittedValue> Fitted { get; init; } = [];

    /// <summary>Weighted squared error at the fit; null when nothing was evaluated.</summary>
    public double? Loss { get; init; }

    public int Observations { get; init; }

    /// <summary>Replications per evaluation, the same seeds at every evaluation (common random numbers).</summary>
    public int ReplicationsPerEvaluation { get; init; }

    public int Budget { get; init; }

    public int Starts { get; init; }

    /// <summary>The start (1 = the scenario's own values) that found the fit.</summary>
    public int BestStart { get; init; }

    /// <summary>Loss evaluations of the search, at most the budget.</summary>
    public int SearchEvaluations { get; init; }

    /// <summary>Loss evaluations spent on standard errors or profiles after the search.</summary>
    public int UncertaintyEvaluations { get; init; }

    /// <summary>"standard_error" or "profile".</summary>
    public string Uncertainty { get; init; } = "";
}

/// <summary>One fitted parameter in the manifest.</summary>
internal sealed record FittedValue(string Path, double Value);
