using TrustSim.Analysis.Discovery;

namespace TrustSim.Reports;

/// <summary>One discovery as its folder records it: where the cases came from, the selection, the cases searched, the settings and what PRIM found.</summary>
/// <param name="Source">The sweep folder or CSV file as given.</param>
internal sealed record DiscoveryRun(string Source, DiscoverySource.Cases Cases, string Where, DiscoveryCases.Prepared Prepared, PrimSettings Settings,
    PrimResult Result);
