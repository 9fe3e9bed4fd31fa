using System.Text.Json.Serialization;

namespace TrustSim.Reports;

/// <summary>What manifest.json of a comparison folder records about the compared sides.</summary>
/// <param name="Sides">The sides in argument order; side 1 is the reference of every difference.</param>
/// <param name="Pairing">How differences were formed: "paired" (same replication seeds), "welch" or "mixed".</param>
/// <param name="Note">How scenario sides were seeded, in words.</param>
internal sealed record ComparisonManifest(IReadOnlyList<ComparedSide> Sides, string Pairing, string Note)
{
    /// <summary>How each side's intervals in comparison.csv were built (differences use Student's t, paired or Welch).</summary>
    public IntervalsManifest Intervals { get; init; } = IntervalsManifest.ForSummaryMetrics;
}

/// <summary>One compared side.</summary>
/// <param name="Label">Name used in comparison.csv and the legends.</param>
/// <param name="Path">Folder or scenario file as given.</param>
/// <param name="Kind">run, sweep or scenario.</param>
/// <param name="ScenarioSha256">SHA-256 of the scenario file (scenario sides) or of the folder's scenario.yaml.</param>
/// <param name="MasterSeed">Master seed the side's runs were seeded from.</param>
/// <param name="Seeds">Replication seeds in replication order (empty for sweep sides).</param>
internal sealed record ComparedSide(string Label, string Path, string Kind, string? ScenarioSha256,
    [property: JsonConverter(typeof(SeedJson))] ulong MasterSeed, [property: JsonConverter(typeof(SeedListJson))] IReadOnlyList<ulong> Seeds);
