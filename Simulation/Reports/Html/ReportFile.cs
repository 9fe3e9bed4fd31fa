using TrustSim.Core;

namespace TrustSim.Reports.Html;

/// <summary>report.html: the one page of an output folder that a person opens first.</summary>
internal static class ReportFile
{
    public const string FileName = "report.html";

    /// <summary>Builds the page of <paramref name="source"/>'s folder and writes it atomically; returns its path.</summary>
    public static string Write(ReportSource source)
    {
        string html = ReportHtml.Write(ReportPages.Build(source), $"trustsim {RunEnvironment.ToolVersion}");
        string path = source.PathOf(FileName);
        AtomicFile.WriteAllText(path, html);
        return path;
    }
}
