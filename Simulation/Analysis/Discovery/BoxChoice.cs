namespace TrustSim.Analysis.Discovery;

/// <summary>
/// Which box of a peeling trajectory to keep. Peeling trades coverage for density; the analyst picks the
/// trade. By default the knee: each box scored by the share of the possible gain in density it achieves
/// (from the searched cases' base rate, where the search starts, to 1) plus the share of the searched
/// cases of interest it keeps, the box of highest score (the earliest on a tie). The whole data score 1,
/// and so does any box on the straight trade-off from them to a box of density 1 that keeps nothing; the
/// knee is the box farthest beyond that line. The scale is fixed by the data, not by where peeling
/// happened to stop, so a long tail of tiny boxes cannot move it. With a stated density, the box of
/// highest coverage that reaches it.
/// </summary>
internal static class BoxChoice
{
    /// <summary>The step chosen from <paramref name="peel"/>, or -1 when no box reaches <paramref name="density"/>.</summary>
    public static int Pick(IReadOnlyList<PrimStep> peel, double? density) =>
        density is { } level ? FirstReaching(peel, level) : Knee(peel);

    /// <summary>The knee of the trajectory; 0 (the whole data) when no box beats the straight trade-off.</summary>
    public static int Knee(IReadOnlyList<PrimStep> peel)
    {
        int best = 0;
        double bestScore = Score(peel[0], peel[0]);
        for (int i = 1; i < peel.Count; i++)
        {
            double score = Score(peel[i], peel[0]);
            if (score > bestScore) (best, bestScore) = (i, score);
        }
        return best;
    }

    /// <summary>Share of the possible density gain achieved plus share of the searched cases of interest kept.</summary>
    public static double Score(PrimStep box, PrimStep start) =>
        (start.Density >= 1 ? 0 : (box.Density - start.Density) / (1 - start.Density)) +
        (start.Interesting == 0 ? 0 : (double)box.Interesting / start.Interesting);

    private static int FirstReaching(IReadOnlyList<PrimStep> peel, double density)
    {
        int best = -1;
        for (int i = 0; i < peel.Count; i++)
        {
            if (peel[i].Density >= density && (best < 0 || peel[i].Coverage > peel[best].Coverage)) best = i;
        }
        return best;
    }
}
