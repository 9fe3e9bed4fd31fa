namespace TrustSim.Reports;

/// <summary>One run of a sweep as runs.csv gives it: which replication of its design point, its seed, and its summary metrics.</summary>
/// <param name="Values">The metrics compared, by name; NaN where a run did not complete or left a metric undefined.</param>
internal sealed record SweepReplicate(int Replication, ulong Seed, bool Completed, IReadOnlyDictionary<string, double> Values);
