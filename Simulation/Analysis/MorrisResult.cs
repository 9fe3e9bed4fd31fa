namespace TrustSim.Analysis;

/// <summary>
/// Morris screening measures of one model output per parameter, from its elementary effects
/// EE = (f(x + Delta e_i) - f(x)) / Delta, with Delta in the unit scale: an effect is the output change
/// (in output units) per full range of the parameter, so effects compare across parameters.
/// </summary>
/// <param name="Parameters">Parameter names, in design order.</param>
/// <param name="Trajectories">r of the design.</param>
/// <param name="Effects">Elementary effects used per parameter (r minus those touching a failed run).</param>
/// <param name="Mu">Mean effect: its sign shows a monotone direction; effects of opposite signs cancel in it.</param>
/// <param name="MuStar">Mean absolute effect (Campolongo et al. 2007), the ranking measure, with a 95% bootstrap CI.</param>
/// <param name="Sigma">Standard deviation of the effects (n - 1): large when the effect depends on where
/// the others sit, that is on interactions or curvature.</param>
/// <param name="Warnings">Failed runs, wide intervals, with the r that would help.</param>
internal sealed record MorrisResult(IReadOnlyList<string> Parameters, int Trajectories, IReadOnlyList<int> Effects,
    IReadOnlyList<double> Mu, IReadOnlyList<IndexEstimate> MuStar, IReadOnlyList<double> Sigma, IReadOnlyList<string> Warnings)
{
    /// <summary>Parameter indices from largest mu* to smallest.</summary>
    public IReadOnlyList<int> Ranking() =>
        Enumerable.Range(0, Parameters.Count).OrderByDescending(i => MuStar[i].Value).ThenBy(i => i).ToArray();

    /// <summary>mu, mu_star and sigma of each parameter in order.</summary>
    public IReadOnlyList<SensitivityRow> Rows()
    {
        var rows = new List<SensitivityRow>();
        for (var i = 0; i < Parameters.Count; i++)
        {
            rows.Add(new SensitivityRow(Parameters[i], "mu", Mu[i], double.NaN, double.NaN));
            rows.Add(new SensitivityRow(Parameters[i], "mu_star", MuStar[i].Value, MuStar[i].Low, MuStar[i].High));
            rows.Add(new SensitivityRow(Parameters[i], "sigma", Sigma[i], double.NaN, double.NaN));
        }
        return rows;
    }
}
