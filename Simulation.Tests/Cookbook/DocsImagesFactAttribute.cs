namespace TrustSim.Tests.Cookbook;

/// <summary>
/// A fact that runs only when <c>TRUSTSIM_WRITE_DOCS_IMAGES=1</c>: it rewrites docs/images/, which an
/// ordinary test run (and CI on a clean clone) must not do, and its full-size runs take a while.
/// </summary>
public sealed class DocsImagesFactAttribute : FactAttribute
{
    public const string Variable = "TRUSTSIM_WRITE_DOCS_IMAGES";

    public DocsImagesFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"rewrites docs/images/: run with {Variable}=1 to redraw the docs' pictures (see README.md)";
    }
}
