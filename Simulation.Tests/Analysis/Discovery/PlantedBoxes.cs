using System.Globalization;
using System.Text;
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
    public static (double[][] X, bool[] Y) Generate(ulong seed, int cases, int inputs, Func<double[], bool> rule, double noise)
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
        return (x, y);
    }

    public static PrimData Make(ulong seed, int cases, int inputs, Func<double[], bool> rule, double noise)
    {
        var (x, y) = Generate(seed, cases, inputs, rule, noise);
        return new PrimData(Enumerable.Range(0, inputs).Select(j => PrimInput.Numeric($"x{j + 1}", x[j])).ToList(), y);
    }

    /// <summary>
    /// The one-box data set (of interest when x1 &gt; 0.7 and x2 &lt; 0.4, 5% of labels random) as a CSV file: x1..x5, y (0 or 1),
    /// a text column mode (a or b, unrelated to y) and a column c that is 0.5 in every row.
    /// </summary>
    public static string WriteCsv(string path, ulong seed = 2, int cases = 2000)
    {
        var (x, y) = Generate(seed, cases, 5, p => p[0] > 0.7 && p[1] < 0.4, 0.05);
        var text = new StringBuilder("x1,x2,x3,x4,x5,y,mode,c\n");
        for (int i = 0; i < cases; i++)
        {
            for (int j = 0; j < 5; j++) text.Append(x[j][i].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            text.Append(y[i] ? "1," : "0,").Append(i % 3 == 0 ? "a" : "b").Append(",0.5\n");
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
