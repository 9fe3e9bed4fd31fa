namespace TrustSim.Analysis;

/// <summary>
/// Convergence of one quantity over several chains (Vehtari, Gelman, Simpson, Carpenter and Bürkner
/// 2021): <paramref name="Rhat"/>, the rank-normalised split R-hat (the larger of the bulk's and the
/// folded draws'), and the bulk and tail effective sample sizes. NaN when the draws cannot say (too few,
/// or all equal).
/// </summary>
internal sealed record ChainConvergence(double Rhat, double BulkEss, double TailEss)
{
    /// <summary>R-hat must be below this for convergence (Vehtari et al. 2021).</summary>
    public const double RhatLimit = 1.01;

    /// <summary>Bulk ESS must reach this for convergence (Vehtari et al. 2021: 100 per chain for four chains).</summary>
    public const double EssLimit = 400;

    /// <summary>True when R-hat &lt; 1.01 and bulk ESS ≥ 400; false when either is NaN.</summary>
    public bool Converged => Rhat < RhatLimit && BulkEss >= EssLimit;
}
