using Spectre.Console;
using TrustSim.Experiments;

namespace TrustSim.Cli;

/// <summary>Runs a posterior calibration with a progress bar per stage on a terminal, silently otherwise.</summary>
internal static class PosteriorProgress
{
    public static PosteriorResult Run(IAnsiConsole console, CalibrationObjective objective, int workers, CancellationToken cancel)
    {
        if (!console.ShowsProgress())
            return PosteriorCalibrator.Run(objective, workers, cancel: cancel);

        PosteriorResult? result = null;
        var name = objective.Scenario.Name;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask? task = null;
                var stage = (PosteriorStage)(-1);
                result = PosteriorCalibrator.Run(objective, workers, (s, done, total) =>
                {
                    if (s != stage)
                    {
                        task?.StopTask();
                        stage = s;
                        task = ctx.AddTask(Markup.Escape($"{name}: {Describe(s)}"), maxValue: Math.Max(1, total));
                    }
                    task!.Value = done;
                }, cancel);
                task?.StopTask();
            });
        return result!;
    }

    private static string Describe(PosteriorStage stage) => stage switch
    {
        PosteriorStage.Identifiability => "identifiability check",
        PosteriorStage.Sampling => "chains (warmup, then draws)",
        PosteriorStage.Profile => "profile likelihood",
        _ => "posterior predictive",
    };
}
