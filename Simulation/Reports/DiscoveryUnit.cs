namespace TrustSim.Reports;

/// <summary>What one case of a discovery is.</summary>
internal enum DiscoveryUnit
{
    /// <summary>One run of a sweep (runs.csv): replications are separate cases, so noise between them is kept.</summary>
    Runs,

    /// <summary>One design point of a sweep (points.csv), its metrics the means over its replications.</summary>
    Points,

    /// <summary>One row of a CSV file.</summary>
    Rows,
}
