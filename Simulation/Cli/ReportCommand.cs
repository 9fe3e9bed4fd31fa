using System.ComponentModel;
using Spectre.Console.Cli;
using TrustSim.Reports.Html;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim report DIR</c>: writes report.html of any finished output folder (run, sweep, merged or threshold
/// sweep, comparison, calibration) again from its files: the page its command left, byte for byte. The folder is
/// checked first, as <c>plot</c> checks it: one that is unfinished, cut short or edited is bad input (exit 2)
/// naming the file at fault, and report.html is left as it was.
/// </summary>
internal sealed class ReportCommand(Terminal terminal) : Command<ReportCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A folder written by run, sweep, merge, compare or calibrate.")]
        public string Folder { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var written = FolderReport.Write(settings.Folder);
            if (!written.Ok) return terminal.BadInput(written.Problems);
            terminal.Out.Print($"Written {written.Value}");
            return ExitCode.Done;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error.Print($"trustsim: {WriteFailure.Describe(Path.Combine(settings.Folder, ReportFile.FileName), e)}");
            return ExitCode.RunFailed;
        }
    }
}
