using System.ComponentModel;
using Spectre.Console.Cli;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim plot DIR</c>: redraws the charts of any folder the tool writes (run, sweep, merged sweep,
/// threshold sweep, comparison, calibration) from its data files alone. The files are read and checked
/// first (see <see cref="OutputFolderCharts"/>): a folder that is unfinished, truncated or edited is bad
/// input (exit 2) naming the file and line, and no chart is touched. report.html, which shows the charts, is written again after them.
/// </summary>
internal sealed class PlotCommand(Terminal terminal) : Command<PlotCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A folder written by run, sweep, merge, compare or calibrate.")]
        public string Folder { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var read = OutputFolderCharts.Read(settings.Folder);
        if (!read.Ok) return terminal.BadInput(read.Problems);
        string charts = Path.Combine(settings.Folder, RunFolder.ChartsFolder);
        var result = ChartFiles.Draw(charts, read.Value.Jobs);
        if (read.Value.Note is { } note) terminal.Error.Print($"trustsim: {note}");
        foreach (var p in result.Problems) terminal.Error.Print($"trustsim: {p}");
        terminal.Out.Print($"{result.Written.Count} chart{(result.Written.Count == 1 ? "" : "s")} of the {read.Value.Kind} drawn in {charts}");
        // report.html shows the charts: it is written again with them, so the page never shows older drawings than charts/ holds.
        bool reported = FolderReport.Finish(settings.Folder, terminal);
        return result.Problems.Count == 0 && reported ? ExitCode.Done : ExitCode.RunFailed;
    }
}
