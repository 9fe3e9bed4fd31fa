using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace TrustSim.Tests.Cli;

/// <summary>
/// <c>run --force</c> over an existing run, SIGKILLed at every phase (start-up, simulation, each data file,
/// the charts, the manifest, report.html, the swap): the folder is always one whole run, the old or the new, never a mix, and its
/// manifest says completed; the next run clears what the killed one left beside it.
/// </summary>
[Collection("ChildProcess")]
public sealed partial class RunForceKillTests(ITestOutputHelper output)
{
    private static readonly string Scenario = Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const int Replications = 24;
    private const int Steps = 520;
    private static readonly string[] Entries =
        ["charts", "events.csv", "institutions.csv", "manifest.json", "report.html", "scenario.yaml", "summary.csv", "timeseries.csv"];

    private static string[] Args(string folder, int seed) =>
        ["run", Scenario, "--out", folder, "--force", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--workers", "2",
            "--replications", Replications.ToString(System.Globalization.CultureInfo.InvariantCulture), "--set", "users.count=200",
            "--set", $"time.steps={Steps}"];

    [GeneratedRegex(@"^seed: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex SeedLine();

    /// <summary>The moments a kill is aimed at: a condition on the staging folder, then an extra delay.</summary>
    private sealed record Moment(string Name, Func<string, bool> Reached, int ExtraMilliseconds);

    private static bool Has(string staging, string file) => File.Exists(Path.Combine(staging, file));

    private static bool ManifestSays(string staging, string status)
    {
        try
        {
            return File.ReadAllText(Path.Combine(staging, "manifest.json")).Contains($"\"status\": \"{status}\"", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static readonly Moment[] Moments =
    [
        new("start-up", _ => true, 300),
        new("simulating", s => ManifestSays(s, "running"), 200),
        new("scenario.yaml written", s => Has(s, "scenario.yaml"), 0),
        new("timeseries.csv half written", s => Has(s, "scenario.yaml"), 250),
        new("summary.csv written", s => Has(s, "summary.csv"), 0),
        new("institutions.csv written", s => Has(s, "institutions.csv"), 0),
        new("charts half drawn", s => Directory.Exists(Path.Combine(s, "charts")) && Directory.GetFiles(Path.Combine(s, "charts")).Length >= 2, 0),
        new("completed manifest written", s => ManifestSays(s, "completed"), 0),
        new("report.html written", s => Has(s, "report.html"), 0),
        new("swap", s => ManifestSays(s, "completed"), 5),
        new("after the swap", _ => false, 0),
    ];

    /// <summary>The seed the folder's run was made with, after checking that every file in it belongs to that one run.</summary>
    private static ulong WholeRunSeed(string folder)
    {
        Assert.Equal(Entries, Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(folder, ".*", SearchOption.AllDirectories));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        Assert.Equal("completed", manifest.RootElement.GetProperty("status").GetString());
        ulong seed = manifest.RootElement.GetProperty("master_seed").GetUInt64();
        var seeds = manifest.RootElement.GetProperty("replications").EnumerateArray().Select(r => r.GetProperty("seed").GetUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Replications, seeds.Count);
        Assert.Equal(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), SeedLine().Match(File.ReadAllText(Path.Combine(folder, "scenario.yaml"))).Groups[1].Value);
        Assert.Equal(seeds, File.ReadLines(Path.Combine(folder, "summary.csv")).Skip(1).Select(line => line.Split(',')[1]).ToList());
        Assert.Equal(Replications * (Steps + 1) + 1, File.ReadLines(Path.Combine(folder, "timeseries.csv")).Count());
        Assert.Equal(5, Directory.GetFiles(Path.Combine(folder, "charts"), "*.png").Length);
        return seed;
    }

    [Fact]
    public void RunForce_KilledAtEveryPhase_FolderIsWhollyTheOldRunOrWhollyTheNew()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "run");
        using (var first = TrustsimProcess.Start(Args(folder, 1)))
        {
            int code = first.WaitForExit(Patience);
            Assert.True(code == 0, first.Error);
        }
        ulong current = WholeRunSeed(folder);
        Assert.Equal(1UL, current);

        var log = new List<string>();
        int keptOldMidWrite = 0;
        for (int k = 0; k < Moments.Length; k++)
        {
            var moment = Moments[k];
            int seed = 100 + k;
            using var child = TrustsimProcess.Start(Args(folder, seed));
            string staging = Path.Combine(root, $".run.new-{child.Id}");
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && !moment.Reached(staging) && clock.Elapsed < Patience) Thread.Sleep(2);
            Thread.Sleep(moment.ExtraMilliseconds);
            bool hadData = Has(staging, "scenario.yaml");
            bool killed = child.Signal(TrustsimProcess.SigKill);
            int code = child.WaitForExit(Patience);
            Assert.True(killed || code == 0, $"{moment.Name}: exit {code}: {child.Error}");

            ulong now = WholeRunSeed(folder);
            Assert.True(now == current || now == (ulong)seed, $"{moment.Name}: the folder holds seed {now}, neither the old {current} nor the new {seed}");
            if (killed && hadData && now == current) keptOldMidWrite++;
            log.Add($"{moment.Name}: {(killed ? "killed" : "finished")} at {clock.Elapsed.TotalSeconds:0.00} s, folder {(now == current ? "old" : "new")}");
            current = now;
            // Beside the folder: at most the killed run's staging folder, and the lock file.
            var beside = Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).ToList();
            Assert.All(beside, name => Assert.Matches(@"^(run|\.run\.trustsim\.lock|\.run\.new-\d+)$", name));
        }
        output.WriteLine(string.Join("\n", log));

        // The next run finishes, and clears the killed runs' leftovers.
        using (var last = TrustsimProcess.Start(Args(folder, 999)))
        {
            int code = last.WaitForExit(Patience);
            Assert.True(code == 0, last.Error);
        }
        Assert.Equal(999UL, WholeRunSeed(folder));
        Assert.Equal([".run.trustsim.lock", "run"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The kills really landed while the new run was being written, and left the old one whole.
        Assert.True(keptOldMidWrite >= 4, string.Join("\n", log));
    }
}
