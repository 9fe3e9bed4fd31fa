namespace TrustSim.Experiments;

/// <summary>
/// One run of a sweep: a replication at a design point. Run ids are point * replications +
/// replication, so they depend on the design alone, never on workers or shards.
/// </summary>
internal readonly record struct SweepRun(long Id, int Point, int Replication, ulong Seed);
