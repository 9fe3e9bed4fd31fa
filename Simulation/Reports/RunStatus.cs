namespace TrustSim.Reports;

/// <summary>
/// How a command's folder stands, as manifest.json records it. <c>running</c> is written when the work
/// starts (in a run's staging folder, in a sweep folder), so a folder whose process was killed says so;
/// the other values are written once, at the end. <c>not_converged</c> is a posterior calibration whose chains
/// ran to the end without converging: every file is written, but the draws are not a posterior.
/// </summary>
internal enum RunStatus { Completed, Failed, Interrupted, Running, NotConverged }
