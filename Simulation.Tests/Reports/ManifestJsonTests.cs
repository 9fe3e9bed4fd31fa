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
        Assert.Equal("0x000000000000002a", root.GetProperty("master_seed").GetString());
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
        Assert.Equal("0x0000000000000063", replications[0].GetProperty("seed").GetString());
        Assert.Equal("0xffffffffffffffff", replications[1].GetProperty("seed").GetString());
    }

    [Fact]
    public void Read_SeedsAsHexTextOrAsOldNumbers_SameSeeds()
    {
        using var temp = new TempFolder();
        string written = temp.File("new.json"), old = temp.File("old.json");
        ManifestJson.Write(written, Sample());
        File.WriteAllText(old, """{ "tool_version": "0.1.0", "master_seed": 42, "replications": [ { "replication": 0, "seed": 18446744073709551615 } ] }""");

        Assert.Equal(18446744073709551615UL, ManifestJson.Read(written)!.Replications[1].Seed);
        Assert.Equal(42UL, ManifestJson.Read(old)!.MasterSeed);
        Assert.Equal(18446744073709551615UL, ManifestJson.Read(old)!.Replications[0].Seed);
    }

    [Fact]
    public void ToJson_ComparedSides_SeedsAsHexTextThatReadBack()
    {
        var manifest = Sample() with
        {
            Comparison = new ComparisonManifest([new ComparedSide("a", "a", "run", null, 1, [ulong.MaxValue, 2])], "paired", ""),
        };
        string text = ManifestJson.ToJson(manifest);
        using (JsonDocument json = JsonDocument.Parse(text))
        {
            JsonElement side = json.RootElement.GetProperty("comparison").GetProperty("sides")[0];
            Assert.Equal("0x0000000000000001", side.GetProperty("master_seed").GetString());
            Assert.Equal(["0xffffffffffffffff", "0x0000000000000002"], side.GetProperty("seeds").EnumerateArray().Select(e => e.GetString()));
        }

        using var temp = new TempFolder();
        File.WriteAllText(temp.File("m.json"), text);
        Assert.Equal([ulong.MaxValue, 2UL], ManifestJson.Read(temp.File("m.json"))!.Comparison!.Sides[0].Seeds);
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
