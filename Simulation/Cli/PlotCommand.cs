using System.ComponentModel;
using Spectre.Console.Cli;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary><c>trustsim plot DIR</c>: redraws the charts of a run or sweep folder from its data files alone.</summary>
internal sealed class PlotCommand(Terminal terminal) : Command<PlotCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A run folder (timeseries.csv) or sweep folder (points.csv).")]
        public string Folder { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string folder = settings.Folder;
        string scenarioPath = Path.Combine(folder, RunFolder.ScenarioFile);
        bool threshold = File.Exists(Path.Combine(folder, ThresholdFolder.FileName));
        bool sweep = File.Exists(Path.Combine(folder, SweepTables.PointsFile));
        bool run = File.Exists(Path.Combine(folder, RunCsv.TimeseriesFile));
        if (Directory.Exists(folder) && File.Exists(Path.Combine(folder, CompareFolder.FileName))) return CompareCommand.Redraw(folder, terminal);
        if (!Directory.Exists(folder) || !File.Exists(scenarioPath) || !(sweep || run || threshold))
        {
            return terminal.BadInput([$"trustsim: {folder}: not a run or sweep folder (expected {RunFolder.ScenarioFile} with " +
                                      $"{RunCsv.TimeseriesFile} or {SweepTables.PointsFile})"]);
        }
        var loaded = ScenarioInput.Load(scenarioPath, []);
        if (!loaded.Ok) return terminal.BadInput(loaded.Problems);
        var scenario = loaded.Value;

        string charts = Path.Combine(folder, RunFolder.ChartsFolder);
        ChartSetResult result;
        try
        {
            result = threshold && scenario.Sweep is not null
                ? ChartFiles.Draw(charts, [ThresholdExecution.Chart(folder, scenario,
                    ManifestJson.Read(Path.Combine(folder, ManifestJson.FileName))?.Threshold)])
                : sweep
                ? SweepChartData.Build(folder, scenario).Draw(charts)
                : ChartFiles.DrawRunCharts(charts, scenario, RunFolderReader.Read(folder));
            if (sweep && File.Exists(Path.Combine(folder, SensitivityFolder.FileName)))
            {
                var more = SensitivityFolder.DrawCharts(folder, scenario.Name, scenario.Sweep?.Samples ?? 0, scenario.Sweep?.Replications ?? 0);
                result = new ChartSetResult([.. result.Written, .. more.Written], [.. result.Problems, .. more.Problems]);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return terminal.BadInput([$"trustsim: {folder}: cannot read the data files: {e.Message}"]);
        }
        foreach (var p in result.Problems) terminal.Error.Print($"trustsim: {p}");
        terminal.Out.Print($"{result.Written.Count} chart{(result.Written.Count == 1 ? "" : "s")} drawn in {charts}");
        return result.Problems.Count == 0 ? ExitCode.Done : ExitCode.RunFailed;
    }
}
