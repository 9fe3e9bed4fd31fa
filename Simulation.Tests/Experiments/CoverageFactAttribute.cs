namespace TrustSim.Tests.Experiments;

/// <summary>
/// A fact that runs only when <c>TRUSTSIM_COVERAGE=1</c>: the coverage study of the posterior calibration
/// calibrates sixty synthetic data sets (about 800,000 model runs), minutes on two cores, too long for every test run.
/// </summary>
public sealed class CoverageFactAttribute : FactAttribute
{
    public const string Variable = "TRUSTSIM_COVERAGE";

    public CoverageFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"calibrates 60 synthetic data sets (minutes): run with {Variable}=1";
    }
}
