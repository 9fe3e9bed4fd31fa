using System.Diagnostics;

namespace TrustSim.Tests.Cli;

/// <summary>
/// One writer per output folder, across processes: a second command on a folder another trustsim
/// process is writing exits 2 naming that process, and leaves its work alone; a holder killed by
/// SIGKILL leaves no lock behind (the kernel drops it), so the next command and a resume just work.
/// </summary>
[Collection("ChildProcess")]
public sealed class OneWriterTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static void WaitFor(Func<bool> condition, TrustsimProcess child, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && !child.HasExited && clock.Elapsed < Patience) Thread.Sleep(10);
        Assert.True(condition(), $"never {what}; exited {child.HasExited}: {child.Error}");
    }

    private static (int Code, string Error) Finish(params string[] args)
    {
        using var child = TrustsimProcess.Start(args);
        int code = child.WaitForExit(Patience);
        return (code, child.Error);
    }

    private static int Lines(string path)
    {
        if (!File.Exists(path)) return 0;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int lines = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0) if (b == '\n') lines++;
        return lines;
    }

    [Fact]
    public void Run_SecondRunToTheSameNewOut_ExitsTwoNamingTheFirstAndAKilledHolderBlocksNothing()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "run");
        string baseline = Path.Combine(Scenarios, "baseline.yaml");
        // Minutes of work on one worker: still running when the second run starts.
        using var first = TrustsimProcess.Start("run", baseline, "--out", folder, "--workers", "1", "--replications", "40", "--set", "users.count=1000000");
        WaitFor(() => Directory.Exists(Path.Combine(root, $".run.new-{first.Id}")), first, "started building its run");

        var (code, error) = Finish("run", baseline, "--out", folder, "--set", "users.count=200", "--set", "time.steps=5");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith($"trustsim: {folder}: is being written by another trustsim process (pid {first.Id}, started ", error);
        Assert.Contains($": trustsim run {baseline} --out {folder} --workers 1", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(first.HasExited, first.Error);

        Assert.True(first.Signal(TrustsimProcess.SigKill));
        first.WaitForExit(Patience);
        // The lock went with the process: the same folder is free at once, without --force (the killed run left it empty).
        var (again, againError) = Finish("run", baseline, "--out", folder, "--set", "users.count=200", "--set", "time.steps=5");
        Assert.True(again == 0, againError);
        Assert.True(File.Exists(Path.Combine(folder, "summary.csv")));
        Assert.Equal([".run.trustsim.lock", "run"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sweep_ResumeOrForceWhileTheSweepRuns_ExitTwoAndLeaveItsJournalWhole()
    {
        string root = CliRunner.TempFolder();
        string scenario = Path.Combine(root, "one-writer.yaml");
        File.WriteAllText(scenario, $$"""
            extends: {{Path.Combine(Scenarios, "repeated-scandals.yaml")}}
            name: one-writer
            users: { count: 2000 }
            time: { steps: 156 }
            sweep:
              design: grid
              replications: 5
              metrics: [final_reputation]
              parameters:
                - path: scandals.rate
                  min: 0
                  max: 3
                  count: 40
                - path: platform.scar
                  min: 0
                  max: 0.6
                  count: 12
            """);
        const int runs = 40 * 12 * 5;
        string folder = Path.Combine(root, "sweep");
        string journal = Path.Combine(folder, "journal.jsonl");
        using var first = TrustsimProcess.Start("sweep", scenario, "--out", folder, "--workers", "1");
        WaitFor(() => Lines(journal) >= 20, first, "journaled 20 runs");

        var resume = Finish("sweep", "--resume", folder, "--workers", "1");
        var force = Finish("sweep", scenario, "--out", folder, "--force");
        var run = Finish("run", scenario, "--out", folder, "--force");

        Assert.True(resume.Code == 2, $"exit {resume.Code}: {resume.Error}");
        Assert.StartsWith($"trustsim: {folder}: is being written by another trustsim process (pid {first.Id}", resume.Error);
        Assert.True(force.Code == 2, $"exit {force.Code}: {force.Error}");
        Assert.StartsWith($"trustsim: {folder}: is being written by another trustsim process (pid {first.Id}", force.Error);
        // A run into a sweep folder is refused for what the folder is, before its lock is even tried.
        Assert.True(run.Code == 2, $"exit {run.Code}: {run.Error}");
        Assert.StartsWith($"trustsim: {folder}: is a sweep folder (manifest.json), not a run folder", run.Error);
        Assert.False(first.HasExited, first.Error);

        Assert.True(first.Signal(TrustsimProcess.SigKill));
        first.WaitForExit(Patience);
        int journaled = Lines(journal);
        var resumed = Finish("sweep", "--resume", folder, "--workers", "2");

        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.InRange(journaled, 20, runs - 1);
        // Every run once: nothing written twice by two writers.
        var ids = File.ReadLines(journal).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("run_id").GetInt64()).ToList();
        Assert.Equal(runs, ids.Count);
        Assert.Equal(runs, ids.Distinct().Count());
        Assert.Equal(runs + 1, File.ReadLines(Path.Combine(folder, "runs.csv")).Count());
        Assert.Contains("\"status\": \"completed\"", File.ReadAllText(Path.Combine(folder, "manifest.json")), StringComparison.Ordinal);
    }
}
