using TrustSim.Analysis.Discovery;

namespace TrustSim.Tests.Analysis.Discovery;

/// <summary>
/// PRIM on data whose answer is known: inputs uniform on [0,1]^5, cases of interest inside planted boxes,
/// and 5% of the labels replaced by a fair coin (so about 2.5% of them wrong, on both sides of every limit).
/// </summary>
public sealed class PrimTests
{
    private static readonly PrimSettings Defaults = new();

    private static PrimData OneBox(ulong seed) => PlantedBoxes.Make(seed, 2000, 5, p => p[0] > 0.7 && p[1] < 0.4, 0.05);

    private static PrimData TwoBoxes(ulong seed) =>
        PlantedBoxes.Make(seed, 2000, 5, p => (p[0] > 0.7 && p[1] < 0.4) || (p[0] < 0.5 && p[2] > 0.7 && p[3] > 0.6), 0.05);

    [Fact]
    public void Discover_PlantedBoxWithLabelNoise_RestrictsX1AndX2AtTheirPlantedLimits()
    {
        var data = OneBox(2);

        var result = Prim.Discover(data, Defaults);

        var box = result.Boxes[0];
        Assert.Equal([0, 1], box.Restrictions.Select(r => r.Input));
        Assert.InRange(box.Restrictions[0].Low, 0.65, 0.75);
        Assert.Equal(data.Inputs[0].Max, box.Restrictions[0].High);
        Assert.Equal(data.Inputs[1].Min, box.Restrictions[1].Low);
        Assert.InRange(box.Restrictions[1].High, 0.35, 0.45);
        Assert.True(box.Final.Density >= 0.85, $"density {box.Final.Density}");
        Assert.True(box.Final.Coverage >= 0.8, $"coverage {box.Final.Coverage}");
        Assert.All(box.Restrictions, r => Assert.True(r.QuasiP < 1e-20, $"x{r.Input + 1}: quasi-p {r.QuasiP}"));
        // Peeling also trimmed some of x3..x5 by chance; none of those restrictions was significant, so each was dropped.
        Assert.All(box.Dropped, r => Assert.True(r.Input >= 2 && r.QuasiP > Defaults.Significance, $"x{r.Input + 1} dropped at {r.QuasiP}"));
        Assert.Single(result.Boxes);
        Assert.Equal(PrimStop.NotSignificant, result.Stop);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Discover_PlantedBoxOtherSeeds_SameInputsNearTheSameLimits(ulong seed)
    {
        var box = Prim.Discover(OneBox(seed), Defaults).Boxes[0];

        Assert.Equal([0, 1], box.Restrictions.Select(r => r.Input));
        Assert.InRange(box.Restrictions[0].Low, 0.65, 0.75);
        Assert.InRange(box.Restrictions[1].High, 0.35, 0.45);
        Assert.True(box.Final.Density >= 0.85, $"density {box.Final.Density}");
    }

    [Fact]
    public void QuasiP_DeepestPeelOfPlantedBox_OnlyThePlantedRestrictionsAreSignificant()
    {
        // The last box of the peel has gone on to trim x4 and x5 by chance: their restrictions add nothing.
        var data = OneBox(3);
        var all = Enumerable.Repeat(true, data.Cases).ToArray();
        var deepest = Peeling.Trajectory(data, all, Defaults)[^1].Box;

        var restricted = Enumerable.Range(0, 5).Where(j => deepest.IsRestricted(data.Inputs, j)).ToList();
        var p = restricted.ToDictionary(j => j, j => QuasiP.Of(data, deepest, all, j));

        Assert.Equal([0, 1, 3, 4], restricted);
        Assert.True(p[0] < 1e-20 && p[1] < 1e-20, $"x1 {p[0]}, x2 {p[1]}");
        Assert.True(p[3] > 0.5 && p[4] > 0.5, $"x4 {p[3]}, x5 {p[4]}");
    }

    [Fact]
    public void Discover_NoPrune_KeepsEveryRestrictionOfThePastedBox()
    {
        var result = Prim.Discover(TwoBoxes(2), Defaults with { Prune = false, MaxBoxes = 1 });

        var box = result.Boxes[0];
        Assert.Empty(box.Dropped);
        Assert.DoesNotContain(box.Steps, s => s.Stage == PrimStage.Drop);
        Assert.Equal(box.Final.Restricted, box.Restrictions.Count);
    }

    [Fact]
    public void Discover_TwoDisjointPlantedBoxes_CoveringFindsOneAfterTheOther()
    {
        var result = Prim.Discover(TwoBoxes(2), Defaults);

        Assert.True(result.Boxes.Count >= 2, $"{result.Boxes.Count} boxes, stopped {result.Stop}");
        var first = result.Boxes[0];
        Assert.Equal([0, 1], first.Restrictions.Select(r => r.Input));
        Assert.InRange(first.Restrictions[0].Low, 0.65, 0.75);
        Assert.InRange(first.Restrictions[1].High, 0.35, 0.45);
        var second = result.Boxes[1];
        Assert.Equal([0, 2, 3], second.Restrictions.Select(r => r.Input));
        Assert.InRange(second.Restrictions[0].High, 0.45, 0.55);
        Assert.InRange(second.Restrictions[1].Low, 0.65, 0.75);
        Assert.InRange(second.Restrictions[2].Low, 0.55, 0.65);
        Assert.All(result.Boxes.Take(2), b => Assert.True(b.Final.Density >= 0.85, $"density {b.Final.Density}"));
        Assert.True(first.Final.Coverage + second.Final.Coverage >= 0.8);
        // The second search starts without the first box's cases.
        Assert.Equal(first.Searched - first.Final.Cases, second.Searched);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void Discover_NoStructure_FindsNoBoxAndSaysWhy(ulong seed)
    {
        // Every label a coin with chance 0.3, whatever the inputs: at the default significance 0.05 no box survives.
        var data = PlantedBoxes.Make(seed, 2000, 5, _ => false, 0.6);

        var result = Prim.Discover(data, Defaults);

        Assert.Empty(result.Boxes);
        Assert.Equal(PrimStop.NotSignificant, result.Stop);
        var search = Assert.Single(result.Rounds);
        Assert.False(search.Accepted);
        Assert.All(search.Restrictions, r => Assert.True(r.QuasiP > Defaults.Significance));
    }

    [Fact]
    public void Discover_SameDataTwice_SameTrajectoriesAndBoxes()
    {
        var a = Prim.Discover(TwoBoxes(7), Defaults);
        var b = Prim.Discover(TwoBoxes(7), Defaults);

        Assert.Equal(a.Stop, b.Stop);
        Assert.Equal(a.Rounds.Count, b.Rounds.Count);
        for (int r = 0; r < a.Rounds.Count; r++)
        {
            Assert.Equal(a.Rounds[r].Steps.Select(s => (s.Cases, s.Interesting, s.Restricted)), b.Rounds[r].Steps.Select(s => (s.Cases, s.Interesting, s.Restricted)));
            Assert.Equal(a.Rounds[r].Restrictions, b.Rounds[r].Restrictions, RestrictionComparer.Instance);
        }
    }

    [Fact]
    public void Discover_CategoricalInput_KeepsTheCategoriesOfInterest()
    {
        // Of interest: mode a or c, and x1 above 0.5. The categories come as text, in no particular order.
        var random = new TrustSim.Core.RandomStream(11);
        string[] modes = ["c", "b", "a", "d"];
        var x1 = new double[1600];
        var x2 = new double[1600];
        var mode = new string[1600];
        var y = new bool[1600];
        for (int i = 0; i < 1600; i++)
        {
            (x1[i], x2[i], mode[i]) = (random.NextUnit(), random.NextUnit(), modes[random.NextIndex(4)]);
            y[i] = mode[i] is "a" or "c" && x1[i] > 0.5;
        }
        var data = new PrimData([PrimInput.Numeric("x1", x1), PrimInput.Categorical("mode", mode), PrimInput.Numeric("x2", x2)], y);

        var box = Prim.Discover(data, Defaults).Boxes[0];

        Assert.Equal(["a", "b", "c", "d"], data.Inputs[1].Categories);
        Assert.Equal([0, 1], box.Restrictions.Select(r => r.Input));
        Assert.Equal([0, 2], box.Restrictions[1].Kept);
        Assert.InRange(box.Restrictions[0].Low, 0.45, 0.55);
        Assert.True(box.Final.Density >= 0.95, $"density {box.Final.Density}");
    }

    [Fact]
    public void Discover_StatedDensity_PicksTheWidestBoxReachingItAndKeepsRestrictionsItNeeds()
    {
        var data = TwoBoxes(2);
        var settings = Defaults with { Density = 0.95 };

        var result = Prim.Discover(data, settings);

        var first = result.Rounds[0];
        var peel = first.Steps.Take(first.PeelSteps).ToList();
        Assert.True(peel[first.Picked].Density >= 0.95);
        Assert.All(peel.Where(s => s.Density >= 0.95), s => Assert.True(s.Coverage <= peel[first.Picked].Coverage));
        Assert.True(first.Final.Density >= 0.95, $"pruning left density {first.Final.Density}");
    }

    [Fact]
    public void Discover_DensityNoBoxReaches_StopsAndSaysSo()
    {
        var result = Prim.Discover(PlantedBoxes.Make(1, 2000, 5, _ => false, 0.6), Defaults with { Density = 0.99 });

        Assert.Empty(result.Boxes);
        Assert.Equal(PrimStop.DensityNotReached, result.Stop);
        Assert.Equal(-1, result.Rounds[0].Picked);
    }

    [Fact]
    public void Discover_MaxBoxesOne_StopsAfterTheFirstBox()
    {
        var result = Prim.Discover(TwoBoxes(2), Defaults with { MaxBoxes = 1 });

        Assert.Single(result.Boxes);
        Assert.Equal(PrimStop.MaxBoxes, result.Stop);
    }

    [Fact]
    public void Discover_BoxHoldsEveryCaseOfInterest_StopsAsExhausted()
    {
        // Of interest: exactly the cases of category b. Peeling removes the other categories whole, and nothing is left over.
        var random = new TrustSim.Core.RandomStream(5);
        var x = Enumerable.Range(0, 900).Select(_ => random.NextUnit()).ToArray();
        var kind = Enumerable.Range(0, 900).Select(_ => "abc"[random.NextIndex(3)].ToString()).ToArray();
        var data = new PrimData([PrimInput.Numeric("x", x), PrimInput.Categorical("kind", kind)], kind.Select(k => k == "b").ToArray());

        var result = Prim.Discover(data, Defaults);

        var box = Assert.Single(result.Boxes);
        var restriction = Assert.Single(box.Restrictions);
        Assert.Equal([1], restriction.Kept);
        Assert.Equal(1.0, box.Final.Coverage);
        Assert.Equal(1.0, box.Final.Density);
        Assert.Equal(PrimStop.Exhausted, result.Stop);
    }

    [Fact]
    public void Trajectory_EveryPeel_KeepsTheMinimumMassAndNeverEmptiesTheBox()
    {
        var data = OneBox(5);
        var settings = Defaults with { MinMass = 0.1 };

        var steps = Peeling.Trajectory(data, Enumerable.Repeat(true, data.Cases).ToArray(), settings);

        Assert.Equal(data.Cases, steps[0].Cases);
        Assert.Equal(0, steps[0].Restricted);
        Assert.All(steps, s => Assert.True(s.Cases >= 200, $"step {s.Step}: {s.Cases} cases"));
        // Each peel takes about 5% of the box: never more than 5% plus the cases tied at the cut (none: the inputs are continuous).
        Assert.All(steps.Skip(1).Zip(steps), p => Assert.Equal(Peeling.Slice(p.Second.Cases, 0.05), p.Second.Cases - p.First.Cases));
    }

    private sealed class RestrictionComparer : IEqualityComparer<Restriction>
    {
        public static readonly RestrictionComparer Instance = new();

        public bool Equals(Restriction? x, Restriction? y) =>
            x is not null && y is not null && x.Input == y.Input && x.Low.Equals(y.Low) && x.High.Equals(y.High) && x.QuasiP.Equals(y.QuasiP) && x.Kept.SequenceEqual(y.Kept);

        public int GetHashCode(Restriction obj) => obj.Input;
    }
}
