namespace TrustSim.Reports;

/// <summary>How a run ended, as manifest.json records it (completed, failed, interrupted).</summary>
internal enum RunStatus { Completed, Failed, Interrupted }
