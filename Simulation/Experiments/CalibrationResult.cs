using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>What a calibration found: the best vector over all starts, its loss, and the search behind it.</summary>
internal sealed record CalibrationResult
{
    public required IReadOnlyList<SweepParameter> Parameters { get; init; }

    /// <summary>Fitted value of each parameter, in the order of <see cref="Parameters"/>.</summary>
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>Weighted squared error at the fit.</summary>
    public required double Loss { get; init; }

    /// <summary>Replicated mean of each observation's metric at the fit, in target order.</summary>
    public required IReadOnlyList<double> FittedMeans { get; init; }

    /// <summary>The start (0 = the scenario's own values) that found the best vector.</summary>
    public required int BestStart { get; init; }

    /// <summary>Loss evaluations the search used (at most the budget); the uncertainty phase's are counted apart.</summary>
    public required int SearchEvaluations { get; init; }

    public required int Budget { get; init; }

    public required int Starts { get; init; }

    /// <summary>Every evaluation, search and uncertainty, in order.</summary>
    public required IReadOnlyList<CalibrationEvaluation> Trace { get; init; }

    /// <summary>Standard error or profile per parameter; empty when the search was interrupted.</summary>
    public required IReadOnlyList<ParameterUncertainty> Uncertainty { get; init; }

    /// <summary>True when Ctrl-C stopped the search: the fit is the best found so far.</summary>
    public required bool Interrupted { get; init; }
}

/// <summary>
/// How well determined one fitted parameter is: an approximate standard error (parameter units)
/// when there are more observations than parameters and the loss is curved at the fit, else the
/// loss 10% of the parameter's range below and above the fit (a profile).
/// </summary>
internal sealed record ParameterUncertainty(double? Se, double? ProfileBelow, double? ProfileAbove, double BelowValue, double AboveValue);
