using TrustSim.Core;
using TrustSim.Reports;
using TrustSim.Reports.Html;

namespace TrustSim.Cli;

/// <summary>
/// Writes report.html into a finished output folder: read and checked first as <c>plot</c> checks it
/// (<see cref="OutputFolderCharts"/>), then built from its files alone, so the page a command leaves and the
/// page <c>trustsim report</c> writes again later are the same bytes.
/// </summary>
internal static class FolderReport
{
    /// <summary>
    /// The page of <paramref name="folder"/>, written; the problems of a folder that is not whole (unfinished,
    /// cut short, edited: bad input) otherwise. A failed write (a full disk) is an <see cref="IOException"/>.
    /// </summary>
    public static Outcome<string> Write(string folder, string verb = "report")
    {
        var read = OutputFolderCharts.Read(folder, verb);
        if (!read.Ok) return read.ConvertError<string>();
        var charts = read.Value;
        if (charts.Manifest.Discovery is not null)
            return Outcome<string>.Failure($"trustsim: {folder}: a discovery folder has no report page yet; discovery.json, trajectory.csv and charts/ hold its results");
        var source = new ReportSource(folder, charts.Manifest, charts.Scenario, charts.Jobs.Select(j => j.FileName).ToList());
        try
        {
            return Outcome<string>.Success(ReportFile.Write(source));
        }
        catch (DataFileException e)
        {
            return Outcome<string>.Failure($"trustsim: {e.Message}");
        }
    }

    /// <summary>
    /// The last step of a command that finished <paramref name="folder"/>: writes its page, or says on stderr why
    /// not (with <paramref name="shown"/> naming a staging folder as the folder it becomes). False when not written.
    /// </summary>
    public static bool Finish(string folder, Terminal terminal, Func<string, string>? shown = null)
    {
        shown ??= text => text;
        // Discovery folders (trustsim discover) came after the report page and have none yet: nothing to write.
        if (File.Exists(Path.Combine(folder, DiscoveryFolder.FileName))) return true;
        try
        {
            var written = Write(folder);
            if (written.Ok) return true;
            foreach (var p in written.Problems) terminal.Error.Print(shown(p));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error.Print($"trustsim: {shown(WriteFailure.Describe(Path.Combine(folder, ReportFile.FileName), e))}");
        }
        terminal.Error.Print($"trustsim: {shown(folder)}: {ReportFile.FileName} was not written; the data files and charts are whole ('trustsim report' on the folder tries again).");
        return false;
    }
}
