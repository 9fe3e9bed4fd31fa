namespace TrustSim.Experiments;

/// <summary>
/// One finished run as journal.jsonl records it: which run, whether it completed, and its summary
/// metrics in <see cref="Engine.SummaryMetrics.Columns"/> order (empty for a failed run).
/// </summary>
internal sealed record JournalEntry(long RunId, int Point, int Replication, ulong Seed, bool Completed, string? Error,
    IReadOnlyList<double> Metrics)
{
    public const string CompletedStatus = "completed";
    public const string FailedStatus = "failed";

    public string Status => Completed ? CompletedStatus : FailedStatus;
}
