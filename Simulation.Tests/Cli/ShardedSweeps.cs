namespace TrustSim.Tests.Cli;

/// <summary>A small sweep and helpers shared by the shard, merge and slurm command tests.</summary>
internal static class ShardedSweeps
{
    public static readonly string[] DataFiles = ["runs.csv", "points.csv", "timeseries.parquet", "scenario.yaml"];

    /// <summary>A 2 x 2 grid with 2 replications of a tiny world: 8 runs of about 10 ms.</summary>
    public static string SmallSweep(string folder, string scarValues = "[0, 0.6]", string name = "shard-sweep")
    {
        string path = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(path, $$"""
            extends: {{Path.Combine(Paths.RepositoryRoot(), "scenarios", "repeated-scandals.yaml")}}
            name: {{name}}
            users: { count: 300 }
            time: { steps: 30 }
            sweep:
              design: grid
              replications: 2
              parameters:
                - path: scandals.rate
                  values: [0, 3]
                - path: platform.scar
                  values: {{scarValues}}
            """);
        return path;
    }

    /// <summary>Runs shards <paramref name="indices"/> of an <paramref name="count"/>-way split into root/shard-K; returns their folders.</summary>
    public static string[] RunShards(string root, string scenario, int count, params int[] indices)
    {
        return indices.Select(k =>
        {
            string dir = Path.Combine(root, $"shard-{k}");
            var r = CliRunner.Run("sweep", scenario, "--shard", $"{k}/{count}", "--out", dir, "--workers", "1");
            Assert.True(r.ExitCode is 0 or 1, r.Error);
            return dir;
        }).ToArray();
    }

    public static void AssertSameFiles(string a, string b, IEnumerable<string> files)
    {
        foreach (string f in files)
            Assert.True(File.ReadAllBytes(Path.Combine(a, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), $"{f} differs");
    }
}
