using TrustSim.Experiments;

namespace TrustSim.Tests.Experiments;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData(8, 3)]
    [InlineData(100, 4)]
    [InlineData(5, 5)]
    [InlineData(7, 1)]
    [InlineData(1001, 16)]
    public void RunIds_EveryShardOfASplit_DisjointCoveringAndWithinOneOfEachOther(int runCount, int shards)
    {
        var seen = new int[runCount];
        var sizes = new List<long>();
        for (int k = 0; k < shards; k++)
        {
            var spec = new ShardSpec(k, shards);
            var ids = spec.RunIds(runCount).ToList();
            Assert.Equal(spec.RunCountOf(runCount), ids.Count);
            Assert.All(ids, id => Assert.True(spec.Owns(id)));
            foreach (long id in ids) seen[id]++;
            sizes.Add(ids.Count);
        }
        Assert.All(seen, n => Assert.Equal(1, n));
        Assert.True(sizes.Max() - sizes.Min() <= 1, $"shard sizes {string.Join(",", sizes)}");
    }

    [Fact]
    public void RunIds_TwelvePointsOfFiveReplicationsInFourShards_EveryShardGetsEveryPartOfTheDesign()
    {
        // Run ids are point * replications + replication: a shard dealt ids in turn holds runs of
        // every quarter of the design, not one contiguous block of (possibly costlier) points.
        const int points = 12, replications = 5;
        for (int k = 0; k < 4; k++)
        {
            var byQuarter = new ShardSpec(k, 4).RunIds(points * replications)
                .GroupBy(id => id / replications / 3).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(4, byQuarter.Count);
            Assert.All(byQuarter.Values, n => Assert.InRange(n, 3, 4));
        }
    }

    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    [InlineData(" 1 / 2 ", 1, 2)]
    [InlineData("0/1", 0, 1)]
    public void Parse_ValidText_GivesTheShard(string text, int index, int count)
    {
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text, out string? problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("3/2", "between 0 and 1")]
    [InlineData("2/2", "between 0 and 1")]
    [InlineData("0/0", "at least 1")]
    [InlineData("x/y", "expected K/N")]
    [InlineData("-1/4", "expected K/N")]
    [InlineData("1", "expected K/N")]
    [InlineData("1/2/3", "expected K/N")]
    public void Parse_BadText_IsNullWithOneLineProblem(string text, string expected)
    {
        Assert.Null(ShardSpec.Parse(text, out string? problem));
        Assert.Contains(expected, problem);
        Assert.DoesNotContain('\n', problem!);
    }

    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void FromEnvironment_SlurmArrayTask_GivesIdOfCount()
    {
        Assert.Equal(new ShardSpec(2, 4), ShardSpec.FromEnvironment(Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4")), null, out var p));
        Assert.Null(p);
    }

    [Fact]
    public void FromEnvironment_SlurmResubmittedSingleTaskWithShardCount_UsesTheGivenCount()
    {
        // sbatch --array=2 of a 4-way split: Slurm says the array has 1 task; --shard-count says 4.
        var env = Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "1"));
        Assert.Equal(new ShardSpec(2, 4), ShardSpec.FromEnvironment(env, 4, out _));
        Assert.Null(ShardSpec.FromEnvironment(env, null, out string? problem));
        Assert.Contains("--shard K/N", problem);
    }

    [Fact]
    public void FromEnvironment_KubernetesIndexWithCount_GivesIndexOfCount()
    {
        Assert.Equal(new ShardSpec(5, 8), ShardSpec.FromEnvironment(Env(("JOB_COMPLETION_INDEX", "5")), 8, out var p));
        Assert.Null(p);
    }

    [Fact]
    public void FromEnvironment_KubernetesIndexWithoutCount_IsNoShard()
    {
        Assert.Null(ShardSpec.FromEnvironment(Env(("JOB_COMPLETION_INDEX", "5")), null, out string? problem));
        Assert.Null(problem);
    }

    [Fact]
    public void FromEnvironment_NothingSet_IsNoShardAndNoProblem()
    {
        Assert.Null(ShardSpec.FromEnvironment(Env(), null, out string? problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID", "abc", null)]
    [InlineData("SLURM_ARRAY_TASK_ID", "9", null)]
    [InlineData("JOB_COMPLETION_INDEX", "9", 4)]
    [InlineData("OTHER", "1", 4)]
    public void FromEnvironment_BadValues_IsAProblem(string key, string value, int? count)
    {
        var env = Env((key, value), ("SLURM_ARRAY_TASK_COUNT", "4"));
        Assert.Null(ShardSpec.FromEnvironment(env, count, out string? problem));
        Assert.NotNull(problem);
    }
}
