using TrustSim.Analysis.Discovery;
using TrustSim.Core;

namespace TrustSim.Tests.Analysis.Discovery;

/// <summary>Data sets with known answers for PRIM: inputs uniform on the unit cube, labels from planted boxes, some labels made random.</summary>
internal static class PlantedBoxes
{
    /// <summary>
    /// <paramref name="cases"/> points uniform on [0,1]^<paramref name="inputs"/>, of interest where <paramref name="rule"/> holds;
    /// then a share <paramref name="noise"/> of the points, chosen at random, get a label drawn by a fair coin instead.
    /// </summary>
    public static PrimData Make(ulong seed, int cases, int inputs, Func<double[], bool> rule, double noise)
    {
        var random = new RandomStream(seed);
        var x = new double[inputs][];
        for (int j = 0; j < inputs; j++) x[j] = new double[cases];
        var y = new bool[cases];
        for (int i = 0; i < cases; i++)
        {
            var point = new double[inputs];
            for (int j = 0; j < inputs; j++) x[j][i] = point[j] = random.NextUnit();
            y[i] = rule(point);
            if (random.Chance(noise)) y[i] = random.Chance(0.5);
        }
        return new PrimData(Enumerable.Range(0, inputs).Select(j => PrimInput.Numeric($"x{j + 1}", x[j])).ToList(), y);
    }
}
