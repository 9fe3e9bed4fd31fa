namespace TrustSim.Analysis.Discovery;

/// <summary>
/// One search of covering: its trajectory (peeling, then pasting and dropped restrictions of the chosen
/// box), the box it ends with and whether that box is kept.
/// </summary>
/// <param name="Number">1 for the first search, 2 for the search after the first box's cases were set aside, ...</param>
/// <param name="Steps">Every box of the search in order: the peel steps, then the pastes and drops of the chosen one.</param>
/// <param name="PeelSteps">How many of <paramref name="Steps"/> are peel steps.</param>
/// <param name="Picked">The peel step chosen (knee or density), or -1 when none reached the density.</param>
/// <param name="Restrictions">The final box's restrictions with their quasi-p-values, in input order.</param>
/// <param name="Dropped">Restrictions dropped as not significant, in the order dropped, each with the quasi-p-value it had.</param>
/// <param name="Searched">Cases searched (not in an earlier box).</param>
/// <param name="SearchedInteresting">Cases of interest among them.</param>
/// <param name="Accepted">True when the box is kept: it restricts at least one input significantly.</param>
/// <param name="Stop">Why this search ended covering, when it did because of its own box; null for a kept box.</param>
internal sealed record PrimRound(int Number, IReadOnlyList<PrimStep> Steps, int PeelSteps, int Picked, IReadOnlyList<Restriction> Restrictions,
    IReadOnlyList<Restriction> Dropped, int Searched, int SearchedInteresting, bool Accepted, PrimStop? Stop)
{
    /// <summary>The box the search ends with: the last paste or drop, else the picked peel step (the first when nothing was picked).</summary>
    public PrimStep Final => Steps.Count > PeelSteps ? Steps[^1] : Steps[Math.Max(0, Picked)];

    /// <summary>Share of the searched cases that are of interest: what a box must beat.</summary>
    public double BaseDensity => Searched == 0 ? 0 : (double)SearchedInteresting / Searched;
}
