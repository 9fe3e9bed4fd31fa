namespace TrustSim.Experiments;

/// <summary>
/// Two posterior quantities whose draws are strongly correlated (|r| above <see cref="Threshold"/>): the data
/// fix a combination of them rather than each one, and their marginals alone overstate what is unknown.
/// </summary>
internal sealed record Ridge(string First, string Second, double Correlation)
{
    public const double Threshold = 0.9;
}
