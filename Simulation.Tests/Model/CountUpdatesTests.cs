using TrustSim.Model;

namespace TrustSim.Tests.Model;

public sealed class CountUpdatesTests
{
    // The counts pack aware neighbours in the high 16 bits and adopting ones in the low 16.
    [Theory]
    [InlineData((1 << 16) + 1)]
    [InlineData(1 << 16)]
    [InlineData(1)]
    [InlineData(-1)]
    public void ApplyTo_EachKindOfChange_AddsItsDelta(int delta)
    {
        var counts = new int[10];
        counts[7] = 5 << 16 | 3;
        var updates = new CountUpdates(4);
        updates.Add(7, CountUpdates.KindOf(delta));
        updates.ApplyTo(counts);
        Assert.Equal((5 << 16 | 3) + delta, counts[7]);
        Assert.Equal(0, updates.Count);
    }

    [Fact]
    public void Add_BeyondCapacity_GrowsAndKeepsEveryChange()
    {
        var counts = new int[1000];
        var updates = new CountUpdates(16);
        for (var i = 0; i < 5000; i++) updates.Add(i % 1000, CountUpdates.KindOf(1));
        Assert.Equal(5000, updates.Count);
        updates.ApplyTo(counts);
        Assert.All(counts, c => Assert.Equal(5, c));
    }

    [Fact]
    public void KindOf_ChangeNoStepMakes_Throws()
    {
        // Losing adoption while hearing of the service in the same step cannot happen.
        Assert.Throws<ArgumentOutOfRangeException>(() => CountUpdates.KindOf((1 << 16) - 1));
    }
}
