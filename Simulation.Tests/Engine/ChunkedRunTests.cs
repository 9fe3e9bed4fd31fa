using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Engine;

public sealed class ChunkedRunTests
{
    // Over three chunks of users (and a partial fourth), with shocks, scandals and mode switches.
    private static Scenario Chunked(InfluenceKind influence) => new()
    {
        Time = new TimeSettings { Steps = 80 },
        Users = new UserSettings { Count = 3 * UserPopulation.ChunkSize + 1_234, Influence = influence, Innovation = 0.01 },
        Scandals = new ScandalSettings { Rate = 4 },
        Shocks = [new ShockSpec { Step = 40, Type = ShockType.Misuse, Affected = 87e6 }],
    };

    [Theory]
    [InlineData("Institution")]
    [InlineData("Network")]
    public void Run_OneTwoOrThreeThreads_WriteByteIdenticalDataFiles(string influenceName)
    {
        var s = Chunked(Enum.Parse<InfluenceKind>(influenceName));
        using var folder = new TempFolder();
        string[] Files(int threads)
        {
            var run = new[] { Simulator.Run(s, 0, Simulator.ReplicationSeed(s, 0), threads: threads) };
            var prefix = folder.File($"t{threads}-");
            RunCsv.WriteTimeseries(prefix + "timeseries.csv", run);
            RunCsv.WriteSummary(prefix + "summary.csv", run);
            RunCsv.WriteEvents(prefix + "events.csv", run);
            InstitutionsCsv.Write(prefix + "institutions.csv", run);
            return [.. new[] { "timeseries", "summary", "events", "institutions" }.Select(f => File.ReadAllText($"{prefix}{f}.csv"))];
        }
        var one = Files(1);
        Assert.Equal(one, Files(2));
        Assert.Equal(one, Files(3));
        // The run did something worth comparing: some institution moved into Full.
        Assert.Contains(",full,", one[2]);
    }

    // Two or three parts exchange count changes through their buffers; every count must still
    // equal a recount of the neighbours' states.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_ChunkedNetworkRun_KeepsNeighbourCountsExact(int threads)
    {
        var s = Chunked(InfluenceKind.Network) with { Time = new TimeSettings { Steps = 40 } };
        using var pool = ChunkPool.Create(threads);
        var world = WorldBuilder.Build(s, 11, new Recorder(s.Time), pool);
        for (var t = 0; t < 40; t++) world.Step();
        var net = world.Users.Network!;
        for (var i = 0; i < world.Users.Count; i += 7)
        {
            int aware = 0, adopting = 0;
            foreach (var n in net.NeighboursOf(i))
            {
                if (world.Users.IsAware(n)) aware++;
                if (world.Users.IsAdopter(n)) adopting++;
            }
            Assert.Equal((aware, adopting), world.Users.NeighbourCounts(i));
        }
        Assert.True(world.Users.TotalAdopters() > 100);
    }
}
