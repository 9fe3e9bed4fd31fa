using TrustSim.Experiments;

namespace TrustSim.Tests.Experiments;

public sealed class RunSetTests
{
    [Fact]
    public void Indexer_RunIdsPast2To31_SetAndReadWithoutNarrowing()
    {
        // A plan just past int.MaxValue runs (256 MiB of bits): where an int-indexed set had to stop.
        long runCount = (long)int.MaxValue + 100;
        var set = new RunSet(runCount);
        long high = runCount - 1;

        set[high] = true;
        set[0] = true;

        Assert.True(set[high]);
        Assert.False(set[high - 64]);
        Assert.Equal(2, set.Count());
    }

    [Fact]
    public void Indexer_IdBeyondThePlan_Throws()
    {
        var set = new RunSet(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => set[10] = true);
        Assert.Throws<ArgumentOutOfRangeException>(() => set[-1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(130)]
    public void Constructor_All_HoldsExactlyThePlansRuns(long runCount)
    {
        var set = new RunSet(runCount, all: true);

        Assert.Equal(runCount, set.Count());
    }

    [Fact]
    public void OrAndCopy_UnionWithoutTouchingTheCopy()
    {
        var a = new RunSet(100);
        var b = new RunSet(100);
        a[3] = true;
        b[97] = true;
        var copy = a.Copy();

        a.Or(b);

        Assert.True(a[3] && a[97]);
        Assert.False(copy[97]);
        Assert.Equal(2, a.Count());
    }
}
