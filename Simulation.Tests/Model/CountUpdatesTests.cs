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
        var users = new NetworkUser[10];
        users[7].Counts = 5 << 16 | 3;
        var updates = new CountUpdates(4);
        updates.Add(7, CountUpdates.KindOf(delta));
        updates.ApplyTo(users);
        Assert.Equal((5 << 16 | 3) + delta, users[7].Counts);
        Assert.Equal(0, updates.Count);
    }

    [Fact]
    public void Add_BeyondCapacity_GrowsAndKeepsEveryChange()
    {
        var users = new NetworkUser[1000];
        var updates = new CountUpdates(16);
        for (var i = 0; i < 5000; i++) updates.Add(i % 1000, CountUpdates.KindOf(1));
        Assert.Equal(5000, updates.Count);
        updates.ApplyTo(users);
        Assert.All(users, u => Assert.Equal(5, u.Counts));
    }

    [Fact]
    public void KindOf_ChangeNoStepMakes_Throws()
    {
        // Losing adoption while hearing of the service in the same step cannot happen.
        Assert.Throws<ArgumentOutOfRangeException>(() => CountUpdates.KindOf((1 << 16) - 1));
    }
}
