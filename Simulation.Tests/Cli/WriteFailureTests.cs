using TrustSim.Cli;

namespace TrustSim.Tests.Cli;

public sealed class WriteFailureTests
{
    [Fact]
    public void Describe_NoSpaceLeft_SaysDiskFullNamingTheFileNotTheTemporaryOne()
    {
        // As .NET raises it on Linux: the errno in HResult, the temporary file's path after the system's words.
        var full = new IOException("No space left on device : '/d/out/.manifest.json.0a1b.tmp'", 28);

        Assert.Equal("disk full while writing /d/out/manifest.json (No space left on device)", WriteFailure.Describe("/d/out/manifest.json", full));
    }

    [Fact]
    public void Describe_OtherFailure_GivesTheSystemsMessage()
    {
        var denied = new UnauthorizedAccessException("Access to the path '/d/out' is denied.");

        Assert.Equal("cannot write /d/out: Access to the path '/d/out' is denied.", WriteFailure.Describe("/d/out", denied));
    }
}
