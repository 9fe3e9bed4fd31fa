using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;
using Xunit.Abstractions;

namespace TrustSim.Tests.Model;

public sealed class AdoptionOutlookTests(ITestOutputHelper output)
{
    // Institutions of very different sizes: a large block fills most bins, the small ones leave
    // them nearly singletons.
    private static readonly int[] BlockSizes = [20_000, 5_000, 1_000, 200];

    /// <summary>A parameter set: the population's distributions and the arguments of one call.</summary>
    private sealed record Case(Distribution Concern, Distribution Offset, UserChoice Choice, double Benefit, double Exposure,
        double Reputation, double AdoptionShare)
    {
        public override string ToString() =>
            $"concern {Describe(Concern)}, offset {Describe(Offset)}, mu {Choice.Noise:G4}, J {Choice.PeerInfluence:G4}, " +
            $"c0 {Choice.Hurdle:G4}, b {Benefit:G4}, x {Exposure:G4}, R {Reputation:G4}, abar {AdoptionShare:G4}";

        private static string Describe(Distribution d) => d.Kind switch
        {
            DistributionKind.Constant => $"constant {d.Value:G3}",
            DistributionKind.Uniform => $"uniform({d.Min:G3}, {d.Max:G3})",
            DistributionKind.Normal => $"normal({d.Mean:G3}, {d.Sd:G3})",
            DistributionKind.Beta => $"{d.Scale:G3} beta({d.Alpha:G3}, {d.Beta:G3})",
            _ => $"log_uniform({d.Min:G3}, {d.Max:G3})",
        };
    }

    /// <summary>Users drawn as WorldBuilder draws them (concern floored at 0), dealt into <see cref="BlockSizes"/>.</summary>
    private static (float[] Concern, float[] Offset, int[] BlockStart) Population(Distribution concern, Distribution offset, ulong seed)
    {
        var rng = new RandomStream(seed);
        var blockStart = new int[BlockSizes.Length + 1];
        for (var j = 0; j < BlockSizes.Length; j++) blockStart[j + 1] = blockStart[j] + BlockSizes[j];
        var n = blockStart[^1];
        var c = new float[n];
        var u = new float[n];
        for (var i = 0; i < n; i++)
        {
            c[i] = (float)Math.Max(0, Sampling.Draw(concern, rng));
            u[i] = (float)Sampling.Draw(offset, rng);
        }
        return (c, u, blockStart);
    }

    private static double LogUniform(RandomStream rng, double min, double max) =>
        Math.Exp(Math.Log(min) + (Math.Log(max) - Math.Log(min)) * rng.NextUnit());

    private static double Uniform(RandomStream rng, double min, double max) => min + (max - min) * rng.NextUnit();

    /// <summary>
    /// A concern distribution from every family a scenario may name, with its numbers spread over
    /// several orders of magnitude (DistributionChecks allows up to 1e12; past a few hundred the
    /// outlook takes the exact mean, which a few draws still reach).
    /// </summary>
    private static Distribution RandomConcern(RandomStream rng)
    {
        switch ((int)(rng.NextUnit() * 5))
        {
            case 0:
                return Distribution.ScaledBeta(LogUniform(rng, 0.05, 20), LogUniform(rng, 0.05, 20), LogUniform(rng, 0.01, 1000));
            case 1:
                var min = Uniform(rng, 0, 3);
                return Distribution.Uniform(min, min + LogUniform(rng, 1e-3, 50));
            case 2:
                return Distribution.Normal(Uniform(rng, -1, 5), LogUniform(rng, 1e-3, 5));
            case 3:
                var low = LogUniform(rng, 1e-3, 1);
                return Distribution.LogUniform(low, low * LogUniform(rng, 1, 1e4));
            default:
                return Distribution.Constant(LogUniform(rng, 1e-3, 100));
        }
    }

    private static Distribution RandomOffset(RandomStream rng)
    {
        switch ((int)(rng.NextUnit() * 4))
        {
            case 0:
                return Distribution.Normal(Uniform(rng, -0.5, 0.5), LogUniform(rng, 1e-3, 1.5));
            case 1:
                var min = Uniform(rng, -1.5, 1);
                return Distribution.Uniform(min, min + LogUniform(rng, 1e-3, 2));
            case 2:
                return Distribution.ScaledBeta(LogUniform(rng, 0.1, 10), LogUniform(rng, 0.1, 10), LogUniform(rng, 0.01, 1));
            default:
                return Distribution.Constant(Uniform(rng, -1, 1));
        }
    }

    /// <summary>
    /// A value inside the documented range [min, max] of a scenario parameter, mostly from the part
    /// where adoption is neither ~0 nor ~1 (where binning errors show), sometimes from the whole range.
    /// </summary>
    private static double Parameter(RandomStream rng, double typicalMin, double typicalMax, double min, double max) =>
        rng.NextUnit() < 0.75 ? Uniform(rng, typicalMin, typicalMax) : Uniform(rng, min, max);

    private static IEnumerable<Case> RandomCases(int count)
    {
        var rng = new RandomStream(20261216);
        for (var k = 0; k < count; k++)
        {
            // mu_u: documented 1e-6 to 100; mostly 0.02 to 2, where bins are coarse against it.
            var noise = rng.NextUnit() < 0.75 ? LogUniform(rng, 0.02, 2) : LogUniform(rng, 1e-6, 100);
            var choice = new UserChoice(noise, Parameter(rng, 0, 2, 0, 100), Parameter(rng, -1, 4, -100, 100));
            // Corners of x, R and abar as often as interior values.
            double Unit()
            {
                var v = rng.NextUnit();
                return v < 0.15 ? 0 : v < 0.3 ? 1 : Uniform(rng, 0, 1);
            }
            yield return new Case(RandomConcern(rng), RandomOffset(rng), choice, Parameter(rng, -1, 4, -100, 100), Unit(), Unit(), Unit());
        }
    }

    /// <summary>The review's corners: choice noise 0.05 and 0.1, concern scale 4, broad concern, R and abar at 0 and 1.</summary>
    private static IEnumerable<Case> CornerCases()
    {
        var defaults = new UserSettings();
        var modes = new ModeSettings();
        Distribution[] concerns = [defaults.Concern, Distribution.ScaledBeta(2, 2, 4), Distribution.Uniform(0, 3), Distribution.ScaledBeta(0.5, 0.5, 3)];
        foreach (var noise in new[] { 0.05, 0.1, 0.25 })
        foreach (var concern in concerns)
        foreach (var reputation in new[] { 0, 0.27, 0.79, 1 })
        foreach (var adoption in new[] { 0, 0.1, 1 })
        foreach (var mode in new[] { modes.Limited, modes.Full })
            yield return new Case(concern, defaults.TrustOffset, new UserChoice(noise, defaults.PeerInfluence, defaults.Hurdle),
                mode.Benefit, mode.Exposure, reputation, adoption);
    }

    /// <summary>Worst relative error of Expected and of Surplus against the exact means over the cases' institutions.</summary>
    private (double Expected, double Surplus, int Calls) Check(IEnumerable<Case> cases, ulong seed)
    {
        double worstExpected = 0, worstSurplus = 0;
        var calls = 0;
        var failures = new List<string>();
        var populations = new Dictionary<(Distribution, Distribution), (float[], float[], int[], AdoptionOutlook)>();
        foreach (var k in cases)
        {
            if (!populations.TryGetValue((k.Concern, k.Offset), out var p))
            {
                var (c, u, blocks) = Population(k.Concern, k.Offset, seed++);
                p = (c, u, blocks, AdoptionOutlook.Build(c, u, blocks));
                populations[(k.Concern, k.Offset)] = p;
            }
            var (concern, offset, blockStart, outlook) = p;
            for (var j = 0; j < blockStart.Length - 1; j++)
            {
                var cs = concern.AsSpan(blockStart[j], blockStart[j + 1] - blockStart[j]);
                var us = offset.AsSpan(blockStart[j], cs.Length);
                var exact = AdoptionOutlook.ExpectedExact(cs, us, k.Choice, k.Benefit, k.Exposure, k.Reputation, k.AdoptionShare);
                var binned = outlook.Expected(j, k.Choice, k.Benefit, k.Exposure, k.Reputation, k.AdoptionShare);
                var surplusExact = AdoptionOutlook.SurplusExact(cs, us, k.Choice, k.Benefit, k.Exposure, k.Reputation, k.AdoptionShare);
                var surplus = outlook.Surplus(j, k.Choice, k.Benefit, k.Exposure, k.Reputation, k.AdoptionShare);
                worstExpected = Math.Max(worstExpected, Relative(binned, exact));
                worstSurplus = Math.Max(worstSurplus, Relative(surplus, surplusExact));
                calls += 2;
                if (!(Math.Abs(binned - exact) <= 0.005 * exact))
                    failures.Add($"Expected, institution {j}: {binned:G8} against exact {exact:G8}; {k}");
                if (!(Math.Abs(surplus - surplusExact) <= 0.005 * surplusExact))
                    failures.Add($"Surplus, institution {j}: {surplus:G8} against exact {surplusExact:G8}; {k}");
            }
        }
        output.WriteLine($"{calls} calls; worst relative error: Expected {worstExpected:G3}, Surplus {worstSurplus:G3}");
        Assert.True(failures.Count == 0, $"{failures.Count} misses, first: {string.Join("\n", failures.Take(5))}");
        return (worstExpected, worstSurplus, calls);
    }

    private static double Relative(double approx, double exact) =>
        approx == exact ? 0 : Math.Abs(approx - exact) / Math.Abs(exact);

    /// <summary>
    /// 400 random parameter sets, each with its own population of four institutions (1,600
    /// institution-calls of each method), every parameter that enters drawn over its documented
    /// range (mu_u 1e-6 to 100, J_u 0 to 100, c0 and b -100 to 100, x, R and abar 0 to 1 with
    /// their ends, concern and offset from every distribution family). Worst relative error seen:
    /// Expected 0.0031, Surplus 0.00269 (the fixed 16 x 32 grid it replaced missed 278 of the
    /// 3,200 checks, down to 0 for means below 1e-38).
    /// </summary>
    [Fact]
    public void ExpectedAndSurplus_RandomParametersOverDocumentedRanges_WithinHalfPercentOfExactMean() =>
        Check(RandomCases(400), 1);

    /// <summary>
    /// 288 corner sets on 4 populations (1,152 institution-calls of each method): choice noise 0.05,
    /// 0.1 and 0.25; concern 1.2 beta(2,2), 4 beta(2,2), uniform(0,3), 3 beta(0.5,0.5); R 0, 0.27,
    /// 0.79, 1; abar 0, 0.1, 1; both modes. Worst relative error seen: Expected 0.0035, Surplus
    /// 0.00357 (the fixed grid it replaced missed 589 of the 2,304 checks, worst 51%).
    /// </summary>
    [Fact]
    public void ExpectedAndSurplus_ReviewCorners_WithinHalfPercentOfExactMean() =>
        Check(CornerCases(), 101);

    [Theory]
    [InlineData(0.79, 0.0)]
    [InlineData(0.27, 0.1)]
    [InlineData(0.95, 0.5)]
    [InlineData(0.05, 0.9)]
    public void Expected_BinnedCustomers_WithinHalfPercentOfExactMean(double reputation, double adoptionShare)
    {
        var s = TestScenarios.Quiet(200_000, 1);
        var world = WorldBuilder.Build(s, 11, new Recorder(s.Time));
        var choice = UserChoice.From(s.Users);
        foreach (var m in new[] { s.Modes.Limited, s.Modes.Full })
        {
            for (var j = 0; j < world.Institutions.Count; j += 7)
            {
                var exact = AdoptionOutlook.ExpectedExact(world.Users.ConcernOf(j), world.Users.OffsetOf(j), choice,
                    m.Benefit, m.Exposure, reputation, adoptionShare);
                var binned = world.Users.Outlook.Expected(j, choice, m.Benefit, m.Exposure, reputation, adoptionShare);
                Assert.True(Math.Abs(binned - exact) <= 0.005 * exact, $"institution {j}: binned {binned:G6}, exact {exact:G6}");
            }
        }
    }

    /// <summary>
    /// At the shipped defaults the three levels built with the population prove themselves for
    /// reputations from 0.1 to R0 and any adoption share, so mode choice and the surplus metric
    /// never wait for finer bins in an ordinary run, and the coarsest (4 x 8, a sixteenth of the
    /// finest's cost) answers most calls: 1,709 of the 2,560 here.
    /// </summary>
    [Fact]
    public void Expected_DefaultParameters_LevelsBuiltFirstSuffice()
    {
        var s = TestScenarios.Quiet(200_000, 1);
        var world = WorldBuilder.Build(s, 11, new Recorder(s.Time));
        var choice = UserChoice.From(s.Users);
        var outlook = world.Users.Outlook;
        int calls = 0, coarsest = 0;
        foreach (var m in new[] { s.Modes.Limited, s.Modes.Full })
        foreach (var reputation in new[] { 0.1, 0.3, 0.5, 0.79 })
        foreach (var adoption in new[] { 0, 0.1, 0.5, 1 })
        foreach (var surplus in new[] { false, true })
            for (var j = 0; j < world.Institutions.Count; j++)
            {
                var level = outlook.LevelUsed(j, choice, m.Benefit, m.Exposure, reputation, adoption, surplus);
                Assert.InRange(level, 0, 2);
                calls++;
                if (level == 0) coarsest++;
            }
        Console.WriteLine($"coarsest level answered {coarsest} of {calls}");
        Assert.True(coarsest >= 0.6 * calls, $"coarsest level answered {coarsest} of {calls}");
    }

    /// <summary>
    /// Finer bins and the exact mean are built from the customers when first needed, after the
    /// population may have reordered users within a block: the result must not depend on that order.
    /// </summary>
    [Fact]
    public void Expected_CustomersReorderedBeforeRefining_SameBits()
    {
        var (c, u, blocks) = Population(Distribution.Uniform(0, 3), new UserSettings().TrustOffset, 7);
        var first = AdoptionOutlook.Build(c, u, blocks);
        var second = AdoptionOutlook.Build((float[])c.Clone(), (float[])u.Clone(), blocks);
        var rng = new RandomStream(3);
        for (var j = 0; j < blocks.Length - 1; j++)
        {
            // Shuffle the second copy's block after its coarse bins were built, as UserPopulation does.
            for (var i = blocks[j + 1] - 1; i > blocks[j]; i--)
            {
                var k = blocks[j] + (int)(rng.NextUnit() * (i - blocks[j] + 1));
                (c[i], c[k]) = (c[k], c[i]);
                (u[i], u[k]) = (u[k], u[i]);
            }
        }
        foreach (var noise in new[] { 0.05, 1e-4 })
        {
            var choice = new UserChoice(noise, 0.5, 1.4);
            for (var j = 0; j < blocks.Length - 1; j++)
            {
                Assert.Equal(first.Expected(j, choice, 1, 1, 0.6, 0.1), second.Expected(j, choice, 1, 1, 0.6, 0.1));
                Assert.Equal(first.Surplus(j, choice, 1, 1, 0.6, 0.1), second.Surplus(j, choice, 1, 1, 0.6, 0.1));
            }
        }
        Assert.Equal(-1, first.LevelUsed(0, new UserChoice(1e-4, 0.5, 1.4), 1, 1, 0.6, 0.1, surplus: false));
    }

    [Fact]
    public void Expected_EmptyInstitution_IsZero()
    {
        var outlook = AdoptionOutlook.Build([1f], [0f], [0, 0, 1]);
        var choice = new UserChoice(0.25, 0.5, 1.4);
        Assert.Equal(0, outlook.Expected(0, choice, 1, 1, 0.5, 0));
        Assert.Equal(0, outlook.Surplus(0, choice, 1, 1, 0.5, 0));
    }
}
