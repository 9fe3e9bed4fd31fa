using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class SeedSequenceTests
{
    // Each stream's number is mixed into its seeds: renumbering one would change every result drawn
    // from it, so the numbers are pinned, and no two streams share one. A retired stream's number
    // (1, Population, split by R3.6) is taken by no stream.
    [Fact]
    public void Stream_Numbers_AreFixedAndDistinct()
    {
        var expected = new Dictionary<SeedSequence.Stream, ulong>
        {
            [SeedSequence.Stream.Network] = 2,
            [SeedSequence.Stream.Events] = 3,
            [SeedSequence.Stream.Breaches] = 4,
            [SeedSequence.Stream.Users] = 5,
            [SeedSequence.Stream.Institutions] = 6,
            [SeedSequence.Stream.Design] = 7,
            [SeedSequence.Stream.UserAttributes] = 8,
            [SeedSequence.Stream.Dealing] = 9,
            [SeedSequence.Stream.BankAttributes] = 10,
            [SeedSequence.Stream.PaymentAttributes] = 11,
            [SeedSequence.Stream.CalibrationStarts] = 0x4C485321,
            [SeedSequence.Stream.CalibrationChains] = 0x4D434D43,
            [SeedSequence.Stream.CalibrationChecks] = 0x43484B53,
        };
        ulong[] retired = [1];
        var streams = Enum.GetValues<SeedSequence.Stream>();
        Assert.Equal(expected.Keys.Order(), streams.Order());
        foreach (var (stream, number) in expected) Assert.Equal(number, (ulong)stream);
        Assert.Equal(streams.Length, streams.Select(s => (ulong)s).Distinct().Count());
        Assert.Empty(streams.Select(s => (ulong)s).Intersect(retired));
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
