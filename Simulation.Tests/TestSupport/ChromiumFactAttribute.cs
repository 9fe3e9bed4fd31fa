namespace TrustSim.Tests;

/// <summary>
/// A fact that needs Debian's headless Chromium. Skipped, saying how to get it, where /usr/bin/chromium is
/// absent; never skipped under CI (CI=true), where .ci/run installs it, so a failed install fails the test.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.Available && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"needs a headless browser at {HeadlessChromium.Executable}: apt-get install chromium (.ci/run installs it)";
    }
}
