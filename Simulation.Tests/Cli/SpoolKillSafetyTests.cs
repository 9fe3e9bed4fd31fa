using System.Diagnostics;
using TrustSim.Experiments;
using TrustSim.Scenarios;
using Xunit.Abstractions;

namespace TrustSim.Tests.Cli;

/// <summary>
/// The spool files and journal are flushed to the disk once every <see cref="SweepRunner.SyncEvery"/> runs,
/// not once a run. A SIGKILL at any point of a batch must still leave every journaled run's series in a
/// spool file (the record is handed to the system before the line), and a resume must end byte-identical
/// to an uninterrupted sweep; what a power cut could lose of a batch (the spool files' unflushed tails)
/// must be found and run again.
/// </summary>
[Collection("ChildProcess")]
public sealed class SpoolKillSafetyTests(SweepKillResumeTests.Reference reference, ITestOutputHelper output)
    : IClassFixture<SweepKillResumeTests.Reference>
{
    private static readonly string[] FinalFiles = ["runs.csv", "points.csv", "timeseries.parquet", "scenario.yaml"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const int RunCount = 20 * 12 * 5;

    private static int JournalLines(string folder)
    {
        string path = Path.Combine(folder, "journal.jsonl");
        if (!File.Exists(path)) return 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int lines = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0) if (b == '\n') lines++;
        return lines;
    }

    /// <summary>Runs the journal says completed whose series no spool file holds whole.</summary>
    private static List<string> JournaledWithoutSeries(string folder)
    {
        var plan = SweepPlan.Build(ScenarioLoader.Load(Path.Combine(folder, "scenario.yaml")).Scenario!);
        var index = JournalIndex.Build(Path.Combine(folder, "journal.jsonl"), plan);
        var lost = new List<string>();
        using var store = new RunSeriesStore(RunSpool.Sources(folder));
        for (long id = 0; id < plan.RunCount; id++)
        {
            if (index.Completed[id] && store.Check(id) is { } problem) lost.Add($"run {id}: {problem}");
        }
        return lost;
    }

    private void AssertSameAsReference(string folder)
    {
        foreach (string f in FinalFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(reference.Folder, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, f))),
                $"{f} differs from the uninterrupted sweep's");
        }
    }

    /// <summary>Starts the sweep (or resumes it) and kills it once the journal has <paramref name="lines"/> lines; false when it finished first.</summary>
    private bool KillAt(string folder, int lines, bool resume)
    {
        string[] args = resume ? ["sweep", "--resume", folder, "--workers", "2"] : ["sweep", reference.Scenario, "--out", folder, "--workers", "2"];
        using var child = TrustsimProcess.Start(args);
        var waited = Stopwatch.StartNew();
        while (!child.HasExited && JournalLines(folder) < lines && waited.Elapsed < Patience) Thread.Sleep(2);
        bool killed = child.Signal(TrustsimProcess.SigKill);
        int code = child.WaitForExit(Patience);
        Assert.True(killed || code == 0, $"exit {code}: {child.Error}");
        return killed;
    }

    [Fact]
    public void Sweep_KilledInsideFlushBatches_EveryJournaledRunHasItsSeriesAndTheResumeIsByteIdentical()
    {
        string folder = Path.Combine(reference.Root, "batches");
        var rng = new Random(20261204); // seeded, so a failure can be replayed
        var killedAt = new List<int>();
        bool started = false;
        // Kills fall at journal progress inside a batch (never on its boundary), most of them mid-sweep.
        while (killedAt.Count < 8)
        {
            int before = JournalLines(folder);
            if (before >= RunCount) break;
            int target = Math.Min(RunCount, before + 1 + rng.Next(2 * SweepRunner.SyncEvery));
            if (target % SweepRunner.SyncEvery == 0) target++;
            if (!KillAt(folder, target, started && File.Exists(Path.Combine(folder, "scenario.yaml")))) break;
            started = true;
            killedAt.Add(JournalLines(folder));
            var lost = JournaledWithoutSeries(folder);
            Assert.True(lost.Count == 0, $"after a kill at {killedAt[^1]} journal lines: {string.Join("; ", lost.Take(5))}");
        }
        using (var last = TrustsimProcess.Start("sweep", "--resume", folder, "--workers", "2"))
        {
            int code = last.WaitForExit(Patience);
            Assert.True(code == 0, last.Error);
        }
        output.WriteLine($"journal lines at each kill: {string.Join(", ", killedAt)}; spool files: {RunSpool.SpoolFiles(folder).Count}");
        AssertSameAsReference(folder);
        Assert.True(killedAt.Count(n => n > 0 && n < RunCount) >= 4, $"journal lines at each kill: {string.Join(", ", killedAt)}");
        Assert.True(RunSpool.SpoolFiles(folder).Count >= 4, "each start and resume writes spool files of its own");
    }

    [Fact]
    public void Sweep_SpoolTailsLostAsAPowerCutCouldLoseThem_ResumeRunsThoseRunsAgainAndIsByteIdentical()
    {
        string folder = Path.Combine(reference.Root, "power-cut");
        Assert.True(KillAt(folder, RunCount / 2, resume: false), "the sweep finished before it could be killed");
        // The journal kept its lines but each spool file lost an unflushed tail: up to a batch of records, cut mid-record.
        var rng = new Random(7);
        foreach (string file in RunSpool.SpoolFiles(folder))
        {
            long length = new FileInfo(file).Length;
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
            stream.SetLength(Math.Max(0, length - rng.Next(1, (int)Math.Min(length, 200_000))));
        }
        int lost = JournaledWithoutSeries(folder).Count;
        Assert.True(lost > 0, "cutting the spool tails lost no journaled run: the test did not test anything");

        var resumed = CliRunner.Run("sweep", "--resume", folder, "--workers", "2");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains($"note: {lost} finished runs have a missing or damaged time series", resumed.Error);
        AssertSameAsReference(folder);
    }
}
