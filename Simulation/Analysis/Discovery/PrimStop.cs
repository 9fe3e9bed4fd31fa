namespace TrustSim.Analysis.Discovery;

/// <summary>Why covering stopped looking for another box.</summary>
internal enum PrimStop
{
    /// <summary>It found as many boxes as it was allowed.</summary>
    MaxBoxes,

    /// <summary>Every case of interest lies in a box already.</summary>
    Exhausted,

    /// <summary>Too few cases of interest are left outside the boxes to make another box of (fewer than <see cref="Prim.FewestLeft"/>).</summary>
    FewLeft,

    /// <summary>The last search's box kept no restriction with a quasi-p-value at or below the significance level.</summary>
    NotSignificant,

    /// <summary>No box on the last search's trajectory reached the stated density.</summary>
    DensityNotReached,

    /// <summary>The cases left could not be peeled at all without falling below the minimum mass.</summary>
    NothingToPeel,
}
