using TrustSim.Core;

namespace TrustSim.Analysis;

/// <summary>
/// How a mean's 95% interval is built for a metric of a given domain. A symmetric Student's t interval
/// around a share of 0.01 or a count near zero runs below zero; instead the t interval is built on a
/// scale on which the domain is the whole line (logit for [0,1], log for non-negative values, the
/// delta method carrying the standard error there) and mapped back. The interval is then asymmetric
/// near a bound and never leaves the domain, and far from the bounds it is close to the plain t interval.
/// A mean that sits on a bound (every value equal to it) has no spread on that scale: its interval is
/// the single point, as for any sample without spread.
/// </summary>
/// <param name="Name">The method's key in manifests.</param>
/// <param name="Caption">A few words for a chart's caption.</param>
/// <param name="Description">One sentence for a manifest or a table's notes.</param>
internal sealed record IntervalMethod(string Name, string Caption, string Description, ValueDomain Domain)
{
    public static IntervalMethod StudentT { get; } =
        new("t", "t", "Student's t interval for the mean", ValueDomain.Real);

    public static IntervalMethod LogT { get; } =
        new("log_t", "t on the log scale", "Student's t on the log of the mean (delta method), mapped back: never below 0", ValueDomain.NonNegative);

    public static IntervalMethod LogitT { get; } =
        new("logit_t", "t on the logit scale", "Student's t on the logit of the mean (delta method), mapped back: inside [0,1]", ValueDomain.UnitInterval);

    public static IntervalMethod For(ValueDomain domain) =>
        domain == ValueDomain.UnitInterval ? LogitT : domain == ValueDomain.NonNegative ? LogT : StudentT;

    /// <summary>The interval for a mean of n values with sample sd, given the t quantile to use.</summary>
    public (double Low, double High) Interval(double mean, double sd, int n, double t)
    {
        double se = sd / Math.Sqrt(n);
        if (se == 0 || double.IsNaN(se))
        {
            return (mean, mean);
        }
        if (this == StudentT || !(mean > Domain.Lower && mean < Domain.Upper))
        {
            // Values a hair outside the domain (rounding) leave no transformed scale: keep t, cut to the domain.
            return (Domain.Clamp(mean - t * se), Domain.Clamp(mean + t * se));
        }
        if (this == LogT)
        {
            double factor = Math.Exp(t * se / mean);
            return (mean / factor, mean * factor);
        }
        double centre = Math.Log(mean / (1 - mean));
        double half = t * se / (mean * (1 - mean));
        return (Logistic(centre - half), Logistic(centre + half));
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
