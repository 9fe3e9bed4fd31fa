namespace TrustSim.Tests.Cli;

/// <summary>
/// Issue 14, items 7 and 20, as the user met them: the real trustsim process, on a run folder whose summary.csv
/// lost a row, or whose manifest.json is gone, exits 2 with one line naming the file, and no stack trace.
/// </summary>
[Collection("ChildProcess")]
public sealed class CorruptFolderProcessTests
{
    private static readonly string Scenario = Path.Combine(Paths.RepositoryRoot(), "scenarios", "repeated-scandals.yaml");

    private static string SmallRun(string root, string name)
    {
        string folder = Path.Combine(root, name);
        var made = CliRunner.Run("run", Scenario, "--out", folder, "--replications", "2", "--set", "users.count=200", "--set", "time.steps=20");
        Assert.True(made.ExitCode == 0, made.Error);
        return folder;
    }

    private static (int Code, string Error) Trustsim(params string[] args)
    {
        using var child = TrustsimProcess.Start(args);
        int code = child.WaitForExit(TimeSpan.FromSeconds(60));
        return (code, child.Error);
    }

    [Fact]
    public void Compare_TruncatedSummaryAndMissingManifest_ChildExitsTwoNamingTheFile()
    {
        string root = CliRunner.TempFolder();
        string a = SmallRun(root, "a"), b = SmallRun(root, "b");
        string summary = Path.Combine(a, "summary.csv");
        File.WriteAllText(summary, string.Join('\n', File.ReadAllText(summary).Split('\n')[..2]) + "\n");

        var (code, error) = Trustsim("compare", a, b, "--out", Path.Combine(root, "c1"));

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Equal($"trustsim: {summary}: 1 rows for the 2 replications in manifest.json (replication 1 has none)", error.Trim());

        File.Delete(Path.Combine(b, "manifest.json"));
        (code, error) = Trustsim("plot", b);

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith($"trustsim: {Path.Combine(b, "manifest.json")}: missing", error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error);
    }
}
