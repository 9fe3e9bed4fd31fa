namespace TrustSim.Tests.Cli;

/// <summary>CLI tests swap the process's console writers, so they run one at a time.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
