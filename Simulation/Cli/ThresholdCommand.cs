namespace TrustSim.Cli;

/// <summary>The threshold branch of <c>sweep</c>: a search has no journal, so it is not resumed but run again (it is deterministic).</summary>
internal static class ThresholdCommand
{
    public static int Run(SweepTarget target, int workers, string commandLine, DateTime started, Terminal terminal, CancellationToken cancel)
    {
        if (target.Resumed)
        {
            return terminal.BadInput([$"trustsim: {target.ShownFolder}: a threshold search keeps no journal to resume; run it again with --force " +
                                      "(it is deterministic and gives the same evaluations)"]);
        }
        return new ThresholdExecution(target, workers, commandLine, started, terminal).Run(cancel);
    }
}
