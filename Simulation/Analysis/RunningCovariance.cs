namespace TrustSim.Analysis;

/// <summary>Running mean and scatter matrix of points (Welford's update), the Cholesky factor of their covariance, and the pooling of several.</summary>
internal sealed class RunningCovariance(int dimension)
{
    private readonly double[] _mean = new double[dimension];
    private readonly double[,] _scatter = new double[dimension, dimension];
    private readonly double[] _delta = new double[dimension];

    public int Count { get; private set; }

    /// <summary>The moments of all the points of <paramref name="parts"/> together (Chan, Golub and LeVeque's merge).</summary>
    public static RunningCovariance Pool(IReadOnlyList<RunningCovariance> parts)
    {
        var dimension = parts[0]._mean.Length;
        var pooled = new RunningCovariance(dimension);
        foreach (var part in parts)
        {
            if (part.Count == 0) continue;
            var total = pooled.Count + part.Count;
            for (var i = 0; i < dimension; i++) pooled._delta[i] = part._mean[i] - pooled._mean[i];
            for (var i = 0; i < dimension; i++)
            {
                for (var j = 0; j <= i; j++)
                    pooled._scatter[i, j] += part._scatter[i, j] + pooled._delta[i] * pooled._delta[j] * pooled.Count * part.Count / total;
            }
            for (var i = 0; i < dimension; i++) pooled._mean[i] += pooled._delta[i] * part.Count / total;
            pooled.Count = total;
        }
        return pooled;
    }

    public void Add(double[] x)
    {
        Count++;
        for (var i = 0; i < dimension; i++)
        {
            _delta[i] = x[i] - _mean[i];
            _mean[i] += _delta[i] / Count;
        }
        for (var i = 0; i < dimension; i++)
        {
            for (var j = 0; j <= i; j++)
                _scatter[i, j] += _delta[i] * (x[j] - _mean[j]);
        }
    }

    /// <summary>Lower Cholesky factor of the covariance plus <paramref name="ridge"/> on the diagonal; null if it is not positive definite.</summary>
    public double[,]? Factor(double ridge)
    {
        var factor = new double[dimension, dimension];
        for (var i = 0; i < dimension; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = _scatter[i, j] / (Count - 1) + (i == j ? ridge : 0);
                for (var k = 0; k < j; k++) sum -= factor[i, k] * factor[j, k];
                if (i == j)
                {
                    if (!(sum > 0)) return null;
                    factor[i, i] = Math.Sqrt(sum);
                }
                else
                    factor[i, j] = sum / factor[j, j];
            }
        }
        return factor;
    }
}
