namespace TrustSim.Analysis.Discovery;

/// <summary>How a box on a trajectory was made from the one before it.</summary>
internal enum PrimStage
{
    /// <summary>The first box of a search (everything still searched) or a peel of the one before.</summary>
    Peel,

    /// <summary>A paste: the chosen box widened along one side, because that raised its density.</summary>
    Paste,

    /// <summary>A restriction dropped because its quasi-p-value was above the significance level.</summary>
    Drop,
}
