using TrustSim.Analysis;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// Morris (1991) elementary-effects screening: r trajectories of k + 1 points on a p-level grid of
/// the unit cube, each point differing from the one before in exactly one parameter, by Delta up or
/// down. Each trajectory starts at a random grid point, takes a random direction per parameter and
/// moves the parameters in a random order. Points are laid out trajectory after trajectory.
/// </summary>
/// <param name="Trajectories">r (sweep.samples).</param>
/// <param name="Parameters">k.</param>
/// <param name="Levels">p, grid levels per parameter (sweep.levels).</param>
/// <param name="Delta">Size of each move in the unit scale: p / (2 (p - 1)) for even p.</param>
/// <param name="Points">r (k + 1) design points.</param>
/// <param name="Moves">r k moves: move s (1..k) of trajectory t is at t k + s - 1.</param>
/// <param name="Warnings">Advice on the design (for example an odd number of levels).</param>
internal sealed record MorrisDesign(int Trajectories, int Parameters, int Levels, double Delta,
    IReadOnlyList<DesignPoint> Points, IReadOnlyList<MorrisMove> Moves, IReadOnlyList<string> Warnings)
{
    /// <summary>The trajectories' shape and moves, which is all the estimator reads.</summary>
    public MorrisLayout Layout => new(Trajectories, Parameters, Moves);

    /// <param name="parameters">The swept parameters, each with min and max.</param>
    /// <param name="trajectories">r, the number of trajectories.</param>
    /// <param name="levels">p, grid levels (2 or more; even is best).</param>
    /// <param name="rng">The design's generator (from the master seed).</param>
    public static MorrisDesign Build(IReadOnlyList<SweepParameter> parameters, int trajectories, int levels, RandomStream rng)
    {
        var k = parameters.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        // Delta = p / (2 (p - 1)) is p/2 grid steps; for odd p that is off the grid, so take floor(p/2) steps.
        var jump = levels / 2;
        var delta = (double)jump / (levels - 1);
        var points = new DesignPoint[trajectories * (k + 1)];
        var moves = new MorrisMove[trajectories * k];
        var level = new int[k];
        var order = new int[k];
        for (var t = 0; t < trajectories; t++)
        {
            // A start level in 0..p-1-jump for each parameter, with a random direction: going up starts
            // there, going down starts jump levels above it, so every level is equally likely for even p.
            var up = new bool[k];
            for (var i = 0; i < k; i++)
            {
                up[i] = rng.Chance(0.5);
                level[i] = rng.NextIndex(levels - jump) + (up[i] ? 0 : jump);
                order[i] = i;
            }
            for (var i = k - 1; i > 0; i--)
            {
                var m = rng.NextIndex(i + 1);
                (order[i], order[m]) = (order[m], order[i]);
            }
            points[t * (k + 1)] = GridPoint(t * (k + 1), parameters, level, levels);
            for (var s = 1; s <= k; s++)
            {
                var i = order[s - 1];
                level[i] += up[i] ? jump : -jump;
                moves[t * k + s - 1] = new MorrisMove(i, up[i] ? delta : -delta);
                points[t * (k + 1) + s] = GridPoint(t * (k + 1) + s, parameters, level, levels);
            }
        }
        IReadOnlyList<string> warnings = levels % 2 == 0 ? [] :
            [$"morris: sweep.levels = {levels} is odd, so Delta = {jump}/{levels - 1} instead of p/(2(p-1)) and the grid's levels are not sampled equally; an even number of levels (for example {levels + 1}) avoids both"];
        return new MorrisDesign(trajectories, k, levels, delta, points, moves, warnings);
    }

    private static DesignPoint GridPoint(int index, IReadOnlyList<SweepParameter> parameters, int[] level, int levels)
    {
        var unit = new double[level.Length];
        for (var i = 0; i < unit.Length; i++) unit[i] = (double)level[i] / (levels - 1);
        return UnitCube.ToPoint(index, parameters, unit);
    }
}
