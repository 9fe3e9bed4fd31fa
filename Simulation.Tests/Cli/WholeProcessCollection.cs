namespace TrustSim.Tests.Cli;

/// <summary>
/// Tests that measure the whole process (GC.GetTotalAllocatedBytes): they run alone, after the parallel
/// tests, because whatever another test allocates meanwhile would count as theirs.
/// </summary>
[CollectionDefinition("WholeProcess", DisableParallelization = true)]
public sealed class WholeProcessCollection;
