using Spectre.Console;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>Runs a scenario's replications, with a progress bar on a terminal and silence otherwise.</summary>
internal static class RunProgress
{
    public static IReadOnlyList<RunResult> Run(IAnsiConsole console, Scenario scenario, int workers, CancellationToken cancel, int threads = 1)
    {
        if (!console.ShowsProgress()) return Simulator.RunReplications(scenario, workers, cancel: cancel, threads: threads);

        IReadOnlyList<RunResult> results = [];
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{Markup.Escape(scenario.Name)}: {scenario.Replications} replications", maxValue: scenario.Replications);
                results = Simulator.RunReplications(scenario, workers, _ => task.Increment(1), cancel, threads);
            });
        return results;
    }
}
