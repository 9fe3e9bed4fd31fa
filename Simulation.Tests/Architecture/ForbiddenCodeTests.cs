using Mono.Cecil;

namespace TrustSim.Tests.Architecture;

/// <summary>
/// Rules every folder keeps, read from the compiled assembly: charts are drawn only in Charts/,
/// Charts/ touches no file, and nothing outside Cli/ and Benchmark/ reads the clock or draws from
/// an ambient random source (every draw of a run, a design, a bootstrap or a calibration comes from
/// a stream seeded by the scenario's seed).
/// </summary>
public sealed class ForbiddenCodeTests
{
    /// <summary>Uses that look like ambient randomness but are not, each with its reason.</summary>
    private static readonly (string User, string Target, string Why)[] Exempt =
    [
        ("TrustSim.Core.AtomicFile", "System.Guid::NewGuid", "a unique temporary file name, never part of any data"),
        ("TrustSim.Reports.OutputFolder", "System.Guid::NewGuid", "the name of an empty write probe, deleted at once"),
        ("TrustSim.Core.RandomStream", "System.Random::.ctor", "its base constructor: every draw method is overridden, so the base generator is never used"),
    ];

    [Fact]
    public void Uses_ScottPlotAndSkia_OnlyInCharts()
    {
        var offenders = Offenders(u => u.TargetNamespace.StartsWith("ScottPlot", StringComparison.Ordinal)
                                       || u.TargetNamespace.StartsWith("SkiaSharp", StringComparison.Ordinal),
            folder => folder == "Charts");

        Assert.True(offenders.Count == 0, "ScottPlot outside Charts/:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Uses_Charts_TouchNoFile()
    {
        string[] fileTypes = ["System.IO.File", "System.IO.FileStream", "System.IO.Directory", "System.IO.StreamWriter", "System.IO.FileInfo"];
        var offenders = Offenders(u => fileTypes.Any(t => u.Target == t || u.Target.StartsWith(t + "::", StringComparison.Ordinal))
                                       || u.Target.StartsWith("TrustSim.Core.AtomicFile", StringComparison.Ordinal),
            folder => folder != "Charts");

        Assert.True(offenders.Count == 0, "file access in Charts/ (render to bytes; Reports/ writes):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Uses_ClockAndAmbientRandomness_OnlyInCliAndBenchmark()
    {
        var offenders = Offenders(u => IsClockOrAmbientRandom(u.Target), folder => folder is "Cli" or "Benchmark")
            .Where(o => !Exempt.Any(e => o.StartsWith(e.User + " ", StringComparison.Ordinal) && o.EndsWith(e.Target, StringComparison.Ordinal)))
            .ToList();

        Assert.True(offenders.Count == 0, "clock or ambient randomness outside Cli/ and Benchmark/:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Uses_ScanFindsKnownUses_SoTheRulesAreNotVacuous()
    {
        var uses = AssemblyReferences.Uses(AssemblyReferences.Load()).ToList();

        Assert.Contains(uses, u => u.User.Name == "ChartStyle" && u.TargetNamespace == "ScottPlot");
        Assert.Contains(uses, u => u.User.Name == "EngineBenchmark" && u.Target.StartsWith("System.Diagnostics.Stopwatch", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.User.Name == "AtomicFile" && u.Target == "System.Guid::NewGuid");
        Assert.True(IsClockOrAmbientRandom("System.DateTime::get_UtcNow"));
        Assert.True(IsClockOrAmbientRandom("System.Random::.ctor"));
    }

    private static bool IsClockOrAmbientRandom(string target) =>
        target is "System.DateTime::get_Now" or "System.DateTime::get_UtcNow" or "System.DateTime::get_Today"
            or "System.DateTimeOffset::get_Now" or "System.DateTimeOffset::get_UtcNow"
            or "System.Environment::get_TickCount" or "System.Environment::get_TickCount64" or "System.Guid::NewGuid"
        || target.StartsWith("System.Diagnostics.Stopwatch", StringComparison.Ordinal)
        || target is "System.Random::.ctor" or "System.Random::get_Shared"
        || target.StartsWith("System.Security.Cryptography.RandomNumberGenerator", StringComparison.Ordinal)
        || target.StartsWith("MathNet.Numerics.Random.", StringComparison.Ordinal);

    /// <summary>"User uses Target" for every use matching <paramref name="forbidden"/> by a type whose folder is not <paramref name="allowedIn"/>.</summary>
    private static List<string> Offenders(Func<AssemblyReferences.Use, bool> forbidden, Func<string, bool> allowedIn) =>
        AssemblyReferences.Uses(AssemblyReferences.Load())
            .Where(u => u.User.Namespace.StartsWith("TrustSim", StringComparison.Ordinal) && !allowedIn(FolderOf(u.User)) && forbidden(u))
            .Select(u => $"{u.User.FullName} uses {u.Target}")
            .Distinct()
            .ToList();

    private static string FolderOf(TypeDefinition type) => type.Namespace.Split('.') is { Length: > 1 } parts ? parts[1] : "";
}
