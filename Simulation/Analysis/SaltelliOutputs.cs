namespace TrustSim.Analysis;

/// <summary>
/// The outputs of a Saltelli design regrouped by base row, keeping only rows whose outputs are all
/// finite, and centred on their mean: the estimators multiply raw outputs, and a large constant
/// offset would only add rounding error and variance to them.
/// </summary>
internal sealed class SaltelliOutputs
{
    private SaltelliOutputs(int parameters, int rows)
    {
        Parameters = parameters;
        Rows = rows;
        A = new double[rows];
        B = new double[rows];
        AB = new double[parameters][];
        BA = new double[parameters][];
        for (var i = 0; i < parameters; i++) (AB[i], BA[i]) = (new double[rows], new double[rows]);
    }

    public int Parameters { get; }

    public int Rows { get; }

    public double[] A { get; }

    public double[] B { get; }

    public double[][] AB { get; }

    /// <summary>Empty arrays unless the layout has second order.</summary>
    public double[][] BA { get; }

    public static SaltelliOutputs Gather(SaltelliLayout layout, IReadOnlyList<double> outputs)
    {
        var usable = Enumerable.Range(0, layout.BaseRows)
            .Where(j => Enumerable.Range(layout.A(j), layout.RowSize).All(p => double.IsFinite(outputs[p])))
            .ToArray();
        var data = new SaltelliOutputs(layout.Parameters, usable.Length);
        var centre = usable.Length == 0 ? 0 : usable.Average(j => (outputs[layout.A(j)] + outputs[layout.B(j)]) / 2);
        for (var r = 0; r < usable.Length; r++)
        {
            var j = usable[r];
            data.A[r] = outputs[layout.A(j)] - centre;
            data.B[r] = outputs[layout.B(j)] - centre;
            for (var i = 0; i < layout.Parameters; i++)
            {
                data.AB[i][r] = outputs[layout.AB(j, i)] - centre;
                if (layout.SecondOrder) data.BA[i][r] = outputs[layout.BA(j, i)] - centre;
            }
        }
        return data;
    }
}
