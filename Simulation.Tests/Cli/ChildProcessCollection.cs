namespace TrustSim.Tests.Cli;

/// <summary>
/// Tests that start trustsim as a child process and signal it at measured moments: they run alone,
/// after the parallel tests, so other tests' load does not skew their timing.
/// </summary>
[CollectionDefinition("ChildProcess", DisableParallelization = true)]
public sealed class ChildProcessCollection;
