namespace TrustSim.Analysis.Discovery;

/// <summary>A box peeling or pasting could move to, its members among the searched cases, and the input it changes.</summary>
internal sealed record Candidate(PrimBox Box, int[] Members, int Interesting, int Input)
{
    /// <summary>
    /// Whether <paramref name="a"/> beats <paramref name="b"/>: the higher density, compared exactly as fractions so no
    /// rounding decides; at equal density the larger box when peeling (<paramref name="preferLarger"/>: remove as
    /// little as possible) or the smaller when pasting (add as little as possible); then the earlier candidate.
    /// </summary>
    public static bool Better(Candidate a, Candidate b, bool preferLarger)
    {
        long left = (long)a.Interesting * b.Members.Length, right = (long)b.Interesting * a.Members.Length;
        if (left != right) return left > right;
        if (a.Members.Length != b.Members.Length) return preferLarger ? a.Members.Length > b.Members.Length : a.Members.Length < b.Members.Length;
        return false;
    }
}
