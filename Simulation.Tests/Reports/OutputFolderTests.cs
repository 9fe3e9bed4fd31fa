using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class OutputFolderTests
{
    private static readonly LockHolder Holder = new(4242, new DateTime(2026, 12, 3, 18, 0, 0, DateTimeKind.Utc), "trustsim run a.yaml");

    private static OutputRequest Request(string folder, OutputKind kind = OutputKind.Run, bool force = false, OutputMode mode = OutputMode.Staged,
        params string[] inputs) => new(folder, kind, force, mode, inputs, Holder);

    /// <summary>A finished run folder of master seed <paramref name="seed"/>: its manifest and one data file.</summary>
    private static string RunFolderOf(string folder, int seed)
    {
        Directory.CreateDirectory(Path.Combine(folder, "charts"));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), $$"""{ "tool_version": "0.1.0", "master_seed": {{seed}}, "status": "completed" }""");
        File.WriteAllText(Path.Combine(folder, "summary.csv"), $"seed {seed}\n");
        File.WriteAllText(Path.Combine(folder, "charts", "reputation.png"), $"png {seed}");
        return folder;
    }

    private static string Problem<T>(TrustSim.Core.Outcome<T> outcome)
    {
        Assert.False(outcome.Ok);
        return Assert.Single(outcome.Problems);
    }

    private static string[] Siblings(TempFolder temp) =>
        Directory.EnumerateDirectories(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Claim_NewFolder_CreatesItEmptyAndStagesBesideIt()
    {
        using var temp = new TempFolder();
        string folder = Path.Combine(temp.Path, "out", "run");

        var claimed = OutputFolder.Claim(Request(folder));

        Assert.True(claimed.Ok, string.Join("\n", claimed.Problems));
        using var output = claimed.Value;
        Assert.True(output.Staged);
        Assert.Equal(Path.Combine(temp.Path, "out", $".run.new-{Environment.ProcessId}"), output.WorkFolder);
        Assert.True(Directory.Exists(output.WorkFolder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Assert.Equal(Path.Combine(temp.Path, "out", ".run.trustsim.lock"), output.LockFile);
    }

    [Fact]
    public void Commit_OverAnOldRun_FolderIsWhollyTheNewOneAndNothingIsLeftBeside()
    {
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);
        File.WriteAllText(Path.Combine(folder, "charts", "old-only.png"), "old");

        using (var output = OutputFolder.Claim(Request(folder, force: true)).Value!)
        {
            RunFolderOf(output.WorkFolder, seed: 2);
            // Until the commit the folder is the old run, whole.
            Assert.Equal("seed 1\n", File.ReadAllText(Path.Combine(folder, "summary.csv")));
            output.Commit();
        }

        Assert.Equal("seed 2\n", File.ReadAllText(Path.Combine(folder, "summary.csv")));
        Assert.Equal(["reputation.png"], Directory.EnumerateFiles(Path.Combine(folder, "charts")).Select(Path.GetFileName));
        Assert.Equal(["run"], Siblings(temp));
    }

    [Fact]
    public void Dispose_WithoutCommit_OldFolderIsKeptAndTheStagingFolderGoes()
    {
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);

        using (var output = OutputFolder.Claim(Request(folder, force: true)).Value!)
        {
            File.WriteAllText(Path.Combine(output.WorkFolder, "summary.csv"), "half");
        }

        Assert.Equal("seed 1\n", File.ReadAllText(Path.Combine(folder, "summary.csv")));
        Assert.Equal(["run"], Siblings(temp));
    }

    [Fact]
    public void Claim_NonEmptyRunFolderWithoutForce_RefusesSuggestingForce()
    {
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);

        Assert.Equal($"trustsim: {folder}: folder exists and is not empty (use --force to replace it: everything in it goes)",
            Problem(OutputFolder.Claim(Request(folder))));
    }

    [Theory]
    [InlineData("Sweep", "a sweep folder")]
    [InlineData("Comparison", "a comparison folder")]
    [InlineData("Calibration", "a calibration folder")]
    public void Claim_RunFolderForAnotherKindWithForce_RefusesNamingBothKindsAndKeepsIt(string name, string what)
    {
        var kind = Enum.Parse<OutputKind>(name);
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);

        string problem = Problem(OutputFolder.Claim(Request(folder, kind, force: true, mode: OutputMode.InPlace)));

        Assert.Equal($"trustsim: {folder}: is a run folder (manifest.json), not {what}; --force replaces only {what}: " +
                     "choose another --out, or delete that folder yourself", problem);
        Assert.Equal("seed 1\n", File.ReadAllText(Path.Combine(folder, "summary.csv")));
    }

    [Fact]
    public void Claim_ForeignFolderWithForce_RefusesNamingWhatItHoldsAndLeavesNoLockFile()
    {
        using var temp = new TempFolder();
        string home = temp.File("home");
        Directory.CreateDirectory(Path.Combine(home, ".ssh"));
        File.WriteAllText(Path.Combine(home, ".bashrc"), "x");

        string problem = Problem(OutputFolder.Claim(Request(home, force: true, mode: OutputMode.InPlace)));

        Assert.Equal($"trustsim: {home}: is not empty and is not a trustsim output folder (it holds .bashrc, .ssh); " +
                     "--force never replaces such a folder: choose another --out", problem);
        Assert.True(File.Exists(Path.Combine(home, ".bashrc")));
        Assert.Equal(["home"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("inner")]
    public void Claim_OutputThatIsOrLiesInsideAnInput_Refuses(string below)
    {
        using var temp = new TempFolder();
        string input = RunFolderOf(temp.File("a"), seed: 1);
        string folder = below.Length == 0 ? input + "/" : Path.Combine(input, below);

        string problem = Problem(OutputFolder.Claim(Request(folder, OutputKind.Comparison, force: true, inputs: [temp.File("b"), input])));

        Assert.StartsWith($"trustsim: {folder}: is, holds or lies inside {input}, an input of this command", problem);
        Assert.False(Directory.Exists(Path.Combine(input, "inner")));
    }

    [Fact]
    public void Claim_OutputHoldingTheScenarioFile_Refuses()
    {
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);
        string scenario = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(scenario, "name: x\n");

        Assert.StartsWith($"trustsim: {folder}: is, holds or lies inside {scenario}, an input",
            Problem(OutputFolder.Claim(Request(folder, force: true, inputs: scenario))));
    }

    [Fact]
    public void Claim_SweepFolderInPlaceWithForce_EmptiesItWhole()
    {
        using var temp = new TempFolder();
        string folder = temp.File("sweep");
        Directory.CreateDirectory(Path.Combine(folder, "parts"));
        File.WriteAllText(Path.Combine(folder, "journal.jsonl"), "{}\n");
        File.WriteAllText(Path.Combine(folder, "runs.csv"), "old");
        File.WriteAllText(Path.Combine(folder, ".runs.csv.0123456789abcdef0123456789abcdef.tmp"), "half");

        using var output = OutputFolder.Claim(Request(folder, OutputKind.Sweep, force: true, mode: OutputMode.InPlace)).Value!;

        Assert.False(output.Staged);
        Assert.Equal(folder, output.WorkFolder);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Claim_HeldByAnotherCommand_RefusesNamingTheHolder()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");
        using var first = OutputFolder.Claim(Request(folder)).Value!;

        string problem = Problem(OutputFolder.Claim(Request(folder, force: true)));

        Assert.StartsWith($"trustsim: {folder}: is being written by another trustsim process (pid 4242, started 2026-12-03 18:00:00 UTC: " +
                          "trustsim run a.yaml); wait for it to finish or stop it, or choose another --out", problem);
    }

    [Fact]
    public void Claim_ASymlinkToTheFolder_SharesTheRealFoldersLock()
    {
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);
        string link = temp.File("link");
        Directory.CreateSymbolicLink(link, folder);
        using var first = OutputFolder.Claim(Request(folder, force: true)).Value!;

        Assert.Contains("is being written by another trustsim process", Problem(OutputFolder.Claim(Request(link, force: true))));
    }

    [Fact]
    public void Commit_ThroughASymlink_ReplacesTheRealFolderAndKeepsTheLink()
    {
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);
        string link = temp.File("link");
        Directory.CreateSymbolicLink(link, folder);

        using (var output = OutputFolder.Claim(Request(link, force: true)).Value!)
        {
            RunFolderOf(output.WorkFolder, seed: 2);
            output.Commit();
        }

        Assert.Equal(folder, new DirectoryInfo(link).LinkTarget);
        Assert.Equal("seed 2\n", File.ReadAllText(Path.Combine(link, "summary.csv")));
    }

    [Fact]
    public void Claim_AfterAKillBetweenTheTwoRenamesOfASwap_PutsTheOldFolderBack()
    {
        // Where the folders cannot be exchanged in one rename, the old one is renamed aside first: a kill
        // right then leaves it there, and the new one (complete or not) beside it.
        using var temp = new TempFolder();
        RunFolderOf(temp.File(".run.old-99999"), seed: 1);
        RunFolderOf(temp.File(".run.new-99999"), seed: 2);
        string folder = temp.File("run");

        using (var output = OutputFolder.Claim(Request(folder, force: true)).Value!)
        {
            Assert.Equal("seed 1\n", File.ReadAllText(Path.Combine(folder, "summary.csv")));
        }

        Assert.Equal(["run"], Siblings(temp));
    }

    [Fact]
    public void Claim_StagingFolderOfAKilledRun_IsRemovedAndTheFolderKept()
    {
        using var temp = new TempFolder();
        string folder = RunFolderOf(temp.File("run"), seed: 1);
        Directory.CreateDirectory(temp.File(".run.new-12345"));
        File.WriteAllText(Path.Combine(temp.File(".run.new-12345"), "manifest.json"), """{ "tool_version": "0.1.0", "status": "running" }""");
        Directory.CreateDirectory(temp.File(".runner.new-12345"));

        using (OutputFolder.Claim(Request(folder, force: true)).Value!)
        {
        }

        Assert.Equal("seed 1\n", File.ReadAllText(Path.Combine(folder, "summary.csv")));
        // Only this folder's leftovers go: another folder's staging is that folder's business.
        Assert.Equal([".runner.new-12345", "run"], Siblings(temp));
    }

    [Fact]
    public void ClaimNew_NameReservedByAnotherProcess_TakesTheNextName()
    {
        using var temp = new TempFolder();
        var names = new Queue<string>([temp.File("20261203-180000"), temp.File("20261203-180000-2")]);
        // Another process reserved the first name between our choosing it and creating its lock file.
        File.WriteAllText(temp.File(".20261203-180000.trustsim.lock"), "");

        var claimed = OutputFolder.ClaimNew(names.Dequeue, f => Request(f));

        Assert.True(claimed.Ok, string.Join("\n", claimed.Problems));
        using var output = claimed.Value;
        Assert.Equal(temp.File("20261203-180000-2"), output.Folder);
    }

    [Fact]
    public void Claim_PathIsAFileOrTheRoot_Refuses()
    {
        using var temp = new TempFolder();
        string file = temp.Write("x.txt", "x");

        Assert.Equal($"trustsim: {file}: is a file, not a folder", Problem(OutputFolder.Claim(Request(file, force: true))));
        Assert.Equal("trustsim: /: is the root of the file system; write into a folder under it",
            Problem(OutputFolder.Claim(Request("/", force: true, mode: OutputMode.InPlace))));
    }
}
