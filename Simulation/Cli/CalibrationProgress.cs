using System.Globalization;
using Spectre.Console;
using TrustSim.Experiments;

namespace TrustSim.Cli;

/// <summary>Runs a calibration with a progress bar (evaluations of the budget, best loss) on a terminal, silently otherwise.</summary>
internal static class CalibrationProgress
{
    public static CalibrationResult Fit(IAnsiConsole console, CalibrationObjective objective, CancellationToken cancel)
    {
        if (!console.ShowsProgress())
            return Calibrator.Fit(objective, cancel: cancel);

        CalibrationResult? result = null;
        var budget = objective.Scenario.Calibrate!.Budget;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape($"{objective.Scenario.Name}: fitting"), maxValue: budget);
                var best = double.PositiveInfinity;
                result = Calibrator.Fit(objective, e =>
                {
                    if (!e.IsSearch)
                    {
                        task.Description = Markup.Escape($"{objective.Scenario.Name}: uncertainty, evaluation {e.Index + 1}");
                        return;
                    }
                    best = Math.Min(best, e.Loss);
                    task.Value = e.Index + 1;
                    task.Description = Markup.Escape($"{objective.Scenario.Name}: start {e.Start + 1}, best loss {best.ToString("G4", CultureInfo.InvariantCulture)}");
                }, cancel);
            });
        return result!;
    }
}
