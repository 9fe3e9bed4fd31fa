namespace TrustSim.Reports;

/// <summary>What manifest.json of a threshold sweep records about the search.</summary>
/// <param name="Parameter">The searched scenario key.</param>
/// <param name="Metric">The summary metric whose replicated mean is watched.</param>
/// <param name="Level">The level its mean crosses.</param>
/// <param name="Evaluations">Parameter values evaluated (each with the sweep's replications).</param>
/// <param name="Bracketed">False when the means at the bounds lie on the same side of the level: no threshold was sought.</param>
/// <param name="Threshold">Linear interpolation of the crossing in the final bracket; null when not bracketed.</param>
/// <param name="CiLow">Lower end of its 95% bootstrap interval (over replications at the bracket ends).</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="BracketLow">Final bracket's lower parameter value.</param>
/// <param name="BracketHigh">Final bracket's upper parameter value.</param>
internal sealed record ThresholdManifest(string Parameter, string Metric, double Level, int Evaluations, bool Bracketed,
    double? Threshold, double? CiLow, double? CiHigh, double BracketLow, double BracketHigh);
