namespace TrustSim.Analysis;

/// <summary>
/// One line of a sensitivity table (sensitivity.csv): an index of one parameter, or of a pair
/// written <c>a:b</c> for second-order Sobol indices.
/// </summary>
/// <param name="Parameter">Swept parameter path, or <c>a:b</c> for a pair.</param>
/// <param name="Index">S1, ST or S2 (Sobol); mu, mu_star or sigma (Morris).</param>
/// <param name="Value">The estimate.</param>
/// <param name="CiLow">Lower end of its 95% bootstrap interval; NaN when none was computed (mu, sigma).</param>
/// <param name="CiHigh">Upper end of its 95% bootstrap interval; NaN when none was computed.</param>
internal sealed record SensitivityRow(string Parameter, string Index, double Value, double CiLow, double CiHigh);
