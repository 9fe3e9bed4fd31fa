using TrustSim.Experiments;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>The sensitivity step of a finished sobol or morris sweep: sensitivity.csv, its charts, and the warnings on stderr.</summary>
internal static class SensitivityReport
{
    private const int MaxPrinted = 8;

    private static readonly SensitivityOutcome None = new([], new ChartSetResult([], []));

    /// <summary>Nothing for other designs. A failure to write is reported as a chart problem, so the sweep exits 1 but keeps its data.</summary>
    public static SensitivityOutcome Write(string folder, SweepPlan plan, Terminal terminal)
    {
        if (!SensitivityFolder.Applies(plan.Sweep)) return None;
        SensitivityOutcome outcome;
        try
        {
            outcome = SensitivityFolder.Write(folder, plan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new SensitivityOutcome([], new ChartSetResult([], [$"{folder}: {SensitivityFolder.FileName} not written: {e.Message}"]));
        }
        // A small design can draw dozens of warnings; the first few make the point, the manifest keeps them all.
        foreach (var w in outcome.Warnings.Take(MaxPrinted)) terminal.Error.Print($"trustsim: warning: {w}");
        if (outcome.Warnings.Count > MaxPrinted)
            terminal.Error.Print($"trustsim: ... and {outcome.Warnings.Count - MaxPrinted} more sensitivity warnings (all in manifest.json)");
        terminal.Out.Print($"Sensitivity indices: {Path.Combine(folder, SensitivityFolder.FileName)}" +
                           (outcome.Warnings.Count == 0 ? "" : $" ({outcome.Warnings.Count} warning(s) above, also in manifest.json)"));
        return outcome;
    }
}
