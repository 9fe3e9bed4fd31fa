using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class ShardManifestTests
{
    [Theory]
    [InlineData("garbage{", "shard.json:1:1: not valid JSON, so not a shard.json written by 'trustsim sweep --shard'")]
    [InlineData("{\"shard\": 0, \"shards\": 0}", "shard.json: shards = 0; a sweep is split into 1 or more shards")]
    [InlineData("{\"shard\": -1, \"shards\": 4}", "shard.json: shard = -1 is not one of 0 to 3")]
    [InlineData("{\"shard\": 4, \"shards\": 4}", "shard.json: shard = 4 is not one of 0 to 3")]
    [InlineData("{\"shard\": 0, \"shards\": 2, \"run_count\": -5}", "shard.json: run_count = -5 is negative")]
    public void Read_BrokenManifest_SaysWhatIsWrongWithTheFile(string json, string ending)
    {
        using var folder = new TempFolder();
        folder.Write(ShardManifest.FileName, json);

        var read = ShardManifest.Read(folder.Path);

        Assert.False(read.Ok);
        Assert.EndsWith(ending, Assert.Single(read.Problems));
    }

    [Fact]
    public void Read_NoManifest_IsNotAShardAndNotAnError()
    {
        using var folder = new TempFolder();

        var read = ShardManifest.Read(folder.Path);

        Assert.True(read.Ok);
        Assert.Null(read.Value);
    }
}
