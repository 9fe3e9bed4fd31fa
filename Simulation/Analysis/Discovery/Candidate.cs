namespace TrustSim.Analysis.Discovery;

/// <summary>A box peeling or pasting could move to: how many searched cases it holds, how many of interest, and the input it changes.</summary>
internal sealed record Candidate(PrimBox Box, int Cases, int Interesting, int Input)
{
    /// <summary>
    /// Whether <paramref name="a"/> beats <paramref name="b"/> as the next box after one of <paramref name="cases"/> cases,
    /// <paramref name="interesting"/> of interest: the larger gain in density per case removed (peeling) or added (pasting).
    /// For numeric slices without ties every candidate moves the same number of cases, and this is Friedman and Fisher's
    /// densest box; when a category or a run of tied values would move many more, it asks that much more of them, so a
    /// large category is not thrown out for a small gain (the patience PRIM is named for). Compared exactly, as fractions,
    /// so no rounding decides; at equal gain the smaller move wins, then the earlier candidate.
    /// </summary>
    public static bool Better(Candidate a, Candidate b, int cases, int interesting)
    {
        // gain / moved = (h' n - h n') / (n' n |n - n'|); the common n cancels in the comparison.
        Int128 moveA = Math.Abs(cases - a.Cases), moveB = Math.Abs(cases - b.Cases);
        Int128 gainA = (Int128)a.Interesting * cases - (Int128)interesting * a.Cases;
        Int128 gainB = (Int128)b.Interesting * cases - (Int128)interesting * b.Cases;
        Int128 left = gainA * b.Cases * moveB, right = gainB * a.Cases * moveA;
        if (left != right) return left > right;
        return moveA < moveB;
    }

    /// <summary>True when the candidate is strictly denser than the box of <paramref name="cases"/> cases, <paramref name="interesting"/> of interest.</summary>
    public bool Denser(int cases, int interesting) => (long)Interesting * cases > (long)interesting * Cases;
}
