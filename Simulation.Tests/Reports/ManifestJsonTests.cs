using System.Text.Json;
using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class ManifestJsonTests
{
    private static Manifest Sample(string? scenarioFile = null) => RunEnvironment.ForRun(
        RunEnvironment.CommandLine(["run", "scenarios/base case.yaml", "--seed", "7"]),
        scenarioFile,
        SyntheticRuns.Scenario(),
        [SyntheticRuns.Tiny(1), SyntheticRuns.Tiny(0) with { Seed = 99 }],
        new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        new DateTime(2026, 1, 2, 3, 4, 17, 500, DateTimeKind.Utc),
        RunStatus.Completed);

    [Fact]
    public void ToJson_CompletedRun_HasEveryRequiredField()
    {
        string text = ManifestJson.ToJson(Sample());
        Assert.DoesNotContain("\\u0027", text, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement root = json.RootElement;

        foreach (string key in new[] { "tool_version", "git_commit", "command_line", "scenario_file", "scenario_sha256",
            "master_seed", "replications", "started_utc", "ended_utc", "wall_seconds", "dotnet", "os", "status" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"manifest lacks {key}");
        }
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(42UL, root.GetProperty("master_seed").GetUInt64());
        Assert.Equal("2026-01-02T03:04:05Z", root.GetProperty("started_utc").GetString());
        Assert.Equal(12.5, root.GetProperty("wall_seconds").GetDouble());
        Assert.Equal("trustsim run 'scenarios/base case.yaml' --seed 7", root.GetProperty("command_line").GetString());
        Assert.StartsWith("0.1.0", root.GetProperty("tool_version").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(".NET", root.GetProperty("dotnet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Replications_InOrderWithSeeds()
    {
        using JsonDocument json = JsonDocument.Parse(ManifestJson.ToJson(Sample()));

        JsonElement[] replications = json.RootElement.GetProperty("replications").EnumerateArray().ToArray();
        Assert.Equal(0, replications[0].GetProperty("replication").GetInt32());
        Assert.Equal(99UL, replications[0].GetProperty("seed").GetUInt64());
        Assert.Equal(18446744073709551615UL, replications[1].GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void ForRun_ScenarioFile_RecordsItsSha256()
    {
        using var temp = new TempFolder();
        string file = temp.File("s.yaml");
        File.WriteAllText(file, "abc");

        Manifest manifest = Sample(file);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", manifest.ScenarioSha256);
    }

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        using var temp = new TempFolder();
        Manifest manifest = Sample() with { Status = RunStatus.Interrupted, Error = "stopped by user" };

        ManifestJson.Write(temp.File("manifest.json"), manifest);
        Manifest? back = ManifestJson.Read(temp.File("manifest.json"));

        Assert.NotNull(back);
        Assert.Equal(RunStatus.Interrupted, back.Status);
        Assert.Equal("stopped by user", back.Error);
        Assert.Equal(manifest.StartedUtc, back.StartedUtc);
        Assert.Equal(manifest.Replications, back.Replications);
        Assert.DoesNotContain("\r", File.ReadAllText(temp.File("manifest.json")), StringComparison.Ordinal);
    }
}
