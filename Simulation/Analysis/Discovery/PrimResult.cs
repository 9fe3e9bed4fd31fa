namespace TrustSim.Analysis.Discovery;

/// <summary>What covering found: every search made (the kept boxes, and the last search when its box was not kept) and why it stopped.</summary>
internal sealed record PrimResult(IReadOnlyList<PrimRound> Rounds, PrimStop Stop)
{
    /// <summary>The searches whose boxes were kept, in the order found.</summary>
    public IReadOnlyList<PrimRound> Boxes => Rounds.Where(r => r.Accepted).ToList();
}
