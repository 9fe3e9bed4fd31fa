using TrustSim.Core;
using TrustSim.Model;

namespace TrustSim.Tests.Model;

public sealed class SocialNetworkTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void WattsStrogatz_AnyRewiring_IsSimpleSymmetricWithMeanDegreeK(double rewiring)
    {
        const int Users = 20_000;
        var net = SocialNetwork.WattsStrogatz(Users, 8, rewiring, new RandomStream(9));
        var edges = new HashSet<(int, int)>();
        for (var i = 0; i < Users; i++)
        {
            var seen = new HashSet<int>();
            foreach (var n in net.NeighboursOf(i))
            {
                Assert.NotEqual(i, n);
                Assert.True(seen.Add(n), "duplicate neighbour");
                edges.Add((i, n));
            }
        }
        Assert.All(edges, e => Assert.Contains((e.Item2, e.Item1), edges));
        // Duplicates removed are a handful at most, so the mean degree stays at k.
        Assert.InRange(net.Neighbours.Length / (double)Users, 7.99, 8.0);
        if (rewiring == 0) Assert.All(Enumerable.Range(0, Users), i => Assert.Equal(8, net.Degree(i)));
    }
}
