namespace TrustSim.Reports;

/// <summary>What manifest.json of a discovery folder records: where the cases came from and what was found.</summary>
/// <param name="Source">The sweep folder or CSV file as given.</param>
/// <param name="SourceFile">The file the cases were read from (runs.csv, points.csv or the CSV file).</param>
/// <param name="SourceSha256">Lower-case hex SHA-256 of <paramref name="SourceFile"/>.</param>
/// <param name="Cases">What one case is: runs, points or rows.</param>
/// <param name="Where">The selection expression of the cases of interest.</param>
/// <param name="Inputs">The inputs PRIM could restrict, in order.</param>
/// <param name="Searched">Cases searched (with a value in every column used).</param>
/// <param name="LeftOut">Cases of the source left out: a value missing, or a failed run.</param>
/// <param name="OfInterest">Cases of interest among those searched.</param>
/// <param name="Boxes">Boxes found.</param>
/// <param name="Searches">Searches made (one more than the boxes when the last search found no box worth keeping).</param>
/// <param name="TrajectoryRows">Rows of trajectory.csv.</param>
/// <param name="Stopped">Why covering stopped, in words.</param>
internal sealed record DiscoveryManifest(string Source, string SourceFile, string? SourceSha256, string Cases, string Where,
    IReadOnlyList<string> Inputs, int Searched, int LeftOut, int OfInterest, int Boxes, int Searches, int TrajectoryRows, string Stopped);
