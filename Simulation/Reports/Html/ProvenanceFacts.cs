using System.Globalization;

namespace TrustSim.Reports.Html;

/// <summary>The provenance part of every page, from manifest.json: what ran, where, when, with which seeds.</summary>
internal static class ProvenanceFacts
{
    /// <summary>Replication seeds listed on the page; the manifest keeps them all.</summary>
    private const int ShownSeeds = 12;

    public static IReadOnlyList<ReportFact> For(Manifest manifest)
    {
        var facts = new List<ReportFact>
        {
            new("Status", ReportPages.StatusWords(manifest.Status) + (manifest.Error is { Length: > 0 } error ? $": {error}" : "")),
            new("Tool version", manifest.ToolVersion, Code: true),
            new("Git commit", manifest.GitCommit ?? "not recorded (not run from a git checkout)", Code: manifest.GitCommit is not null),
            new("Command line", manifest.CommandLine, Code: true),
        };
        if (manifest.ScenarioFile is { } file) facts.Add(new ReportFact("Scenario file", file, Code: true));
        if (manifest.ScenarioSha256 is { } sha) facts.Add(new ReportFact("Scenario file SHA-256", sha, Code: true));
        facts.Add(new ReportFact("Master seed", manifest.MasterSeed.ToString(CultureInfo.InvariantCulture), Code: true));
        if (manifest.Replications.Count > 0)
        {
            var seeds = manifest.Replications.Take(ShownSeeds).Select(r => $"{r.Replication}: {r.Seed.ToString(CultureInfo.InvariantCulture)}");
            string more = manifest.Replications.Count > ShownSeeds ? $", ... ({ReportNumbers.Count(manifest.Replications.Count)} in all, in manifest.json)" : "";
            facts.Add(new ReportFact("Replication seeds", string.Join(", ", seeds) + more, Code: true));
        }
        facts.Add(new ReportFact("Started", Time(manifest.StartedUtc)));
        facts.Add(new ReportFact("Ended", Time(manifest.EndedUtc)));
        facts.Add(new ReportFact("Wall time", Seconds(manifest.WallSeconds)));
        if (manifest.Sweep is { } sweep)
        {
            facts.Add(new ReportFact("Workers", sweep.Workers.ToString(CultureInfo.InvariantCulture) +
                (sweep.Resumed ? " (the last invocation resumed an earlier journal)" : "")));
        }
        facts.Add(new ReportFact("Machine", $"{manifest.Os}; {manifest.Dotnet}"));
        return facts;
    }

    /// <summary>A manifest time as "2026-12-04 15:28:00 UTC" (to the second: the manifest has the rest).</summary>
    public static string Time(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds switch
    {
        < 60 => $"{ReportNumbers.Format(seconds)} s",
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 60):0} min {seconds % 60:0} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 3600):0} h {Math.Floor(seconds % 3600 / 60):0} min"),
    };
}
