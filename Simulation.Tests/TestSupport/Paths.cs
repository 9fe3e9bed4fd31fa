namespace TrustSim.Tests;

/// <summary>Where the repository and the tool's sources are, found from the test binaries.</summary>
internal static class Paths
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrustSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TrustSim.sln not found above the test binaries");
    }

    /// <summary>The C# files under <paramref name="root"/>, build output left out.</summary>
    public static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}
