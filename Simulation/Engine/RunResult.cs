using TrustSim.Metrics;

namespace TrustSim.Engine;

/// <summary>Everything one replication produced.</summary>
internal sealed record RunResult(
    int Replication,
    ulong Seed,
    IReadOnlyList<StepMetrics> Steps,
    SummaryMetrics Summary,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<InstitutionOutcome> Institutions);
