using System.Diagnostics;
using Xunit.Abstractions;

namespace TrustSim.Tests.Cli;

/// <summary>
/// A real sweep in a child process, killed with SIGKILL at seeded random moments and resumed each
/// time, must end with the same bytes as a sweep that was never interrupted; SIGTERM must stop it
/// with exit 130 and a resume hint.
/// </summary>
[Collection("ChildProcess")]
public sealed class SweepKillResumeTests(SweepKillResumeTests.Reference reference, ITestOutputHelper output)
    : IClassFixture<SweepKillResumeTests.Reference>
{
    private static readonly string[] FinalFiles = ["runs.csv", "points.csv", "timeseries.parquet", "scenario.yaml"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private const int Kills = 20;
    private const int RunCount = 20 * 12 * 5;

    /// <summary>One uninterrupted sweep, timed, shared by the tests: the bytes every interrupted sweep must end with.</summary>
    public sealed class Reference
    {
        public Reference()
        {
            Root = CliRunner.TempFolder();
            Scenario = WriteScenario(Root);
            Folder = Path.Combine(Root, "uninterrupted");
            var clock = Stopwatch.StartNew();
            using var child = TrustsimProcess.Start("sweep", Scenario, "--out", Folder, "--workers", "2");
            // The start-up time: until the first run is journaled.
            string journal = Path.Combine(Folder, "journal.jsonl");
            while (!child.HasExited && !(File.Exists(journal) && new FileInfo(journal).Length > 0)) Thread.Sleep(10);
            StartupSeconds = clock.Elapsed.TotalSeconds;
            int code = child.WaitForExit(Patience);
            Assert.True(code == 0, child.Error);
            TotalSeconds = clock.Elapsed.TotalSeconds;
        }

        public string Root { get; }
        public string Scenario { get; }
        public string Folder { get; }
        public double StartupSeconds { get; }
        public double TotalSeconds { get; }
    }

    /// <summary>A 20 x 12 grid with 5 replications of 300 users over 60 steps: 1,200 runs of a few milliseconds.</summary>
    private static string WriteScenario(string folder)
    {
        string path = Path.Combine(folder, "kill-resume.yaml");
        string parent = Path.Combine(Paths.RepositoryRoot(), "scenarios", "repeated-scandals.yaml");
        File.WriteAllText(path, $$"""
            extends: {{parent}}
            name: kill-resume
            users: { count: 300 }
            time: { steps: 60 }
            sweep:
              design: grid
              replications: 5
              metrics: [final_reputation, final_adoption]
              parameters:
                - path: scandals.rate
                  min: 0
                  max: 3
                  count: 20
                - path: platform.scar
                  min: 0
                  max: 0.6
                  count: 12
            """);
        return path;
    }

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

    private void AssertSameAsReference(string folder)
    {
        foreach (string f in FinalFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(reference.Folder, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, f))),
                $"{f} differs from the uninterrupted sweep's");
        }
    }

    [Fact]
    public void Sweep_KilledTwentyTimesAndResumed_DataFilesAreByteIdenticalToAnUninterruptedSweep()
    {
        string folder = Path.Combine(reference.Root, "killed");
        var rng = new Random(20260101); // the test's own schedule, seeded so a failure can be replayed
        double startup = reference.StartupSeconds;
        // Kills are placed by progress, not by the clock, so that a loaded or an idle machine gives the same
        // spread: most land after a random number of newly journaled runs (mid-sweep), a few during start-up
        // and a few once every run is journaled (assembly and charts).
        var atKill = new List<int>();
        int attempts = 0;
        int kills = 0;
        bool first = true;
        while (kills < Kills)
        {
            // Killed before the sweep wrote its scenario.yaml there is nothing to resume: start afresh, as a user would.
            bool started = File.Exists(Path.Combine(folder, "scenario.yaml"));
            string[] args = !started && first ? ["sweep", reference.Scenario, "--out", folder, "--workers", "2"]
                : !started ? ["sweep", reference.Scenario, "--out", folder, "--workers", "2", "--force"]
                : ["sweep", "--resume", folder, "--workers", "2"];
            first = false;
            attempts++;
            int before = JournalLines(folder);
            double moment = rng.NextDouble();
            using var child = TrustsimProcess.Start(args);
            if (moment < 0.15 || before >= RunCount)
            {
                Thread.Sleep(TimeSpan.FromSeconds(rng.NextDouble() * (before >= RunCount ? 1.0 : startup)));
            }
            else
            {
                int target = Math.Min(RunCount, before + 1 + rng.Next(RunCount / 12));
                var waited = Stopwatch.StartNew();
                while (!child.HasExited && JournalLines(folder) < target && waited.Elapsed < Patience) Thread.Sleep(5);
            }
            if (child.Signal(TrustsimProcess.SigKill))
            {
                child.WaitForExit(Patience);
                kills++;
                atKill.Add(JournalLines(folder));
            }
            else
            {
                int code = child.WaitForExit(Patience);
                Assert.True(code == 0, $"attempt {attempts} ended with {code}: {child.Error}");
            }
        }
        int finalCode;
        string finalError;
        using (var last = TrustsimProcess.Start("sweep", "--resume", folder, "--workers", "2"))
        {
            finalCode = last.WaitForExit(Patience);
            finalError = last.Error;
        }
        Assert.True(finalCode == 0, finalError);
        output.WriteLine($"reference: start-up {startup:0.00} s, total {reference.TotalSeconds:0.00} s; {attempts + 1} starts, {kills} SIGKILLs; " +
                         $"journal lines at each kill: {string.Join(", ", atKill)}");

        AssertSameAsReference(folder);
        Assert.Equal(RunCount + 1, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
        // The kills really landed mid-sweep: several with some but not all runs journaled.
        Assert.True(atKill.Count(n => n > 0 && n < RunCount) >= 5, $"journal lines at each kill: {string.Join(", ", atKill)}");
    }

    [Fact]
    public void Sweep_Sigterm_ExitsInterruptedWithResumeHintAndResumesIdentically()
    {
        string folder = Path.Combine(reference.Root, "terminated");
        int code;
        string error;
        using (var child = TrustsimProcess.Start("sweep", reference.Scenario, "--out", folder, "--workers", "2"))
        {
            var waited = Stopwatch.StartNew();
            while (!child.HasExited && JournalLines(folder) < 50 && waited.Elapsed < Patience) Thread.Sleep(10);
            Assert.True(child.Signal(TrustsimProcess.SigTerm), "the sweep ended before it could be sent SIGTERM");
            code = child.WaitForExit(Patience);
            error = child.Error;
        }
        Assert.True(code == 130, $"exit {code}: {error}");
        Assert.Contains($"trustsim sweep --resume {folder}", error);
        int journaled = JournalLines(folder);
        Assert.InRange(journaled, 50, RunCount - 1);
        Assert.False(File.Exists(Path.Combine(folder, "runs.csv")), "an interrupted sweep has no runs.csv yet");

        using (var resumed = TrustsimProcess.Start("sweep", "--resume", folder, "--workers", "2"))
        {
            int again = resumed.WaitForExit(Patience);
            Assert.True(again == 0, resumed.Error);
        }
        AssertSameAsReference(folder);
    }
}
