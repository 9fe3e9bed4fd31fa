namespace TrustSim.Reports;

/// <summary>
/// How a command's folder stands, as manifest.json records it. <c>running</c> is written when the work
/// starts (in a run's staging folder, in a sweep folder), so a folder whose process was killed says so;
/// the other values are written once, at the end.
/// </summary>
internal enum RunStatus { Completed, Failed, Interrupted, Running }
