using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class SeedSequenceTests
{
    // Each stream's number is mixed into its seeds: renumbering one would change every result drawn
    // from it, so the numbers are pinned, and no two streams share one.
    [Fact]
    public void Stream_Numbers_AreFixedAndDistinct()
    {
        var expected = new Dictionary<SeedSequence.Stream, ulong>
        {
            [SeedSequence.Stream.Population] = 1,
            [SeedSequence.Stream.Network] = 2,
            [SeedSequence.Stream.Events] = 3,
            [SeedSequence.Stream.Breaches] = 4,
            [SeedSequence.Stream.Users] = 5,
            [SeedSequence.Stream.Institutions] = 6,
            [SeedSequence.Stream.Design] = 7,
            [SeedSequence.Stream.CalibrationStarts] = 0x4C485321,
        };
        Assert.Equal(expected.Keys.Order(), Enum.GetValues<SeedSequence.Stream>().Order());
        foreach (var (stream, number) in expected) Assert.Equal(number, (ulong)stream);
    }

    // An experiment-level stream is seeded as replication 0 of the design point numbered as the stream.
    [Theory]
    [InlineData(0UL)]
    [InlineData(2016UL)]
    [InlineData(ulong.MaxValue)]
    public void ExperimentSeed_AnyMasterSeed_IsTheRunSeedAtTheStreamsPoint(ulong master)
    {
        Assert.Equal(SeedSequence.RunSeed(master, 0x4C485321, 0), SeedSequence.ExperimentSeed(master, SeedSequence.Stream.CalibrationStarts));
        Assert.NotEqual(SeedSequence.RunSeed(master, 0, 0), SeedSequence.ExperimentSeed(master, SeedSequence.Stream.CalibrationStarts));
    }
}
