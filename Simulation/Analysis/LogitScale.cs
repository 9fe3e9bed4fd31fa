namespace TrustSim.Analysis;

/// <summary>
/// The map between an unbounded coordinate z and a value between two bounds: the logistic function
/// takes z to a position u in (0,1), which is placed between the bounds linearly or on a log scale.
/// It is the calibration's search space (the optimiser's <c>CalibrationSpace</c> computes the same
/// values); the posterior samples in it, so it also gives the log-Jacobian that turns a density on
/// the parameter's scale into one on z.
/// </summary>
internal static class LogitScale
{
    /// <summary>The value at <paramref name="z"/> between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static double Value(double z, double min, double max, bool log)
    {
        var u = 1 / (1 + Math.Exp(-z));
        return log ? Math.Exp(Math.Log(min) + u * (Math.Log(max) - Math.Log(min))) : min + u * (max - min);
    }

    /// <summary>The z of a value strictly between the bounds (±infinity at a bound).</summary>
    public static double Logit(double value, double min, double max, bool log)
    {
        var u = log ? (Math.Log(value) - Math.Log(min)) / (Math.Log(max) - Math.Log(min)) : (value - min) / (max - min);
        return Math.Log(u) - Math.Log(1 - u);
    }

    /// <summary>ln u at <paramref name="z"/>, accurate far into both tails (u = logistic(z)).</summary>
    public static double LogPosition(double z) => -Softplus(-z);

    /// <summary>ln(1 - u) at <paramref name="z"/>, accurate far into both tails.</summary>
    public static double LogComplement(double z) => -Softplus(z);

    /// <summary>
    /// ln |dx/dz|: ln u(1-u) + ln(max - min) on a linear scale, ln u(1-u) + ln x + ln(ln max - ln min)
    /// on a log scale. Added to a log-density of x, it gives the log-density of z.
    /// </summary>
    public static double LogJacobian(double z, double min, double max, bool log)
    {
        var logU = LogPosition(z) + LogComplement(z);
        return log
            ? logU + Math.Log(Value(z, min, max, log)) + Math.Log(Math.Log(max) - Math.Log(min))
            : logU + Math.Log(max - min);
    }

    /// <summary>ln(1 + e^t) without overflow for large t or loss of digits for very negative t.</summary>
    private static double Softplus(double t) => Math.Max(t, 0) + Math.Log(1 + Math.Exp(-Math.Abs(t)));
}
