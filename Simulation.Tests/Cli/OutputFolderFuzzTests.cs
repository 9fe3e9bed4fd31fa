using System.Text;
using Spectre.Console.Testing;
using TrustSim.Cli;

namespace TrustSim.Tests.Cli;

/// <summary>
/// Every file a reader of an output folder reads, truncated at random points, with random bytes flipped or
/// a line replaced by garbage (seeded, so a failure repeats): plot and compare must refuse with exit 2 and a
/// message naming the file, or read it, and never fail with an unexpected error or a stack trace.
/// </summary>
[Collection(OutputFoldersCollection.Name)]
public sealed class OutputFolderFuzzTests(OutputFolders folders)
{
    private const int CasesPerFile = 10;


    public static TheoryData<string, string> Files() => new()
    {
        { "run", "manifest.json" }, { "run", "scenario.yaml" }, { "run", "timeseries.csv" }, { "run", "summary.csv" }, { "run", "events.csv" },
        { "sweep", "manifest.json" }, { "sweep", "scenario.yaml" }, { "sweep", "points.csv" }, { "sweep", "runs.csv" },
        { "sweep", "timeseries.parquet" },
        { "comparison", "manifest.json" }, { "comparison", "comparison.csv" }, { "comparison", "bands.csv" },
        { "calibration", "manifest.json" }, { "calibration", "trace.csv" }, { "calibration", "observed.csv" }, { "calibration", "fitted.yaml" },
        { "calibration", "fit-timeseries.csv" }, { "calibration", "fit-events.csv" },
        { "posterior", "manifest.json" }, { "posterior", "scenario.yaml" }, { "posterior", "posterior.csv" }, { "posterior", "summary.csv" },
        { "posterior", "fit.csv" }, { "posterior", "correlation.csv" }, { "posterior", "profile.csv" }, { "posterior", "predictive.csv" },
        { "threshold", "manifest.json" }, { "threshold", "scenario.yaml" }, { "threshold", "threshold.csv" },
        { "discovery", "manifest.json" }, { "discovery", "discovery.json" }, { "discovery", "trajectory.csv" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_CorruptedFile_ReadsOrRefusesNamingTheFile(string kind, string file)
    {
        string original = kind switch
        {
            "run" => folders.Run,
            "sweep" => folders.Sweep,
            "comparison" => folders.Comparison,
            "calibration" => folders.Calibration,
            "discovery" => folders.Discovery,
            "posterior" => folders.Posterior,
            _ => folders.Threshold,
        };
        byte[] bytes = File.ReadAllBytes(Path.Combine(original, file));
        // The seed depends on the case only, so a failing case is the same on every machine and run.
        var random = new Random(StableHash(kind + "/" + file));
        var refused = 0;
        bool plotted = false, compared = false;
        for (int i = 0; i < CasesPerFile; i++)
        {
            var (mutated, how) = Mutate(bytes, random, i % 3);
            string folder = OutputFolders.Copy(original);
            File.WriteAllBytes(Path.Combine(folder, file), mutated);
            string label = $"{kind}/{file}, case {i}: {how}";

            // A refusal costs little through the whole CLI; a folder that reads is drawn once a file (charts take
            // time), to show that values a corruption left readable draw, or fail as a chart, but never crash.
            var read = Capture(label, () => OutputFolderCharts.Read(folder));
            if (!read.Ok)
            {
                refused++;
                AssertNamed(label, file, string.Join("\n", read.Problems));
            }
            if (!read.Ok || !plotted) AssertExit(label + " (plot)", file, CliRunner.Run("plot", folder));
            plotted |= read.Ok;
            if (kind is "run" or "sweep")
            {
                var opened = Capture(label, () => CompareSides.Open([folder, original], [], 1, new TestConsole(), CancellationToken.None));
                if (!opened.Ok) AssertNamed(label, file, string.Join("\n", opened.Problems));
                if (!opened.Ok || !compared)
                    AssertExit(label + " (compare)", file, CliRunner.Run("compare", folder, original, "--out", Path.Combine(Path.GetDirectoryName(folder)!, "compared")));
                compared |= opened.Ok;
            }
        }
        // Refusals are the point: a fuzz that breaks nothing tests nothing.
        Assert.True(refused >= CasesPerFile / 3, $"{kind}/{file}: only {refused} of {CasesPerFile} corruptions refused");
    }

    private static void AssertExit(string label, string file, CliRunner.Outcome outcome)
    {
        Assert.True(outcome.ExitCode is 0 or 2, $"{label}: exit {outcome.ExitCode}\n{outcome.Error}");
        Assert.DoesNotContain("unexpected error", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
        if (outcome.ExitCode == 2) AssertNamed(label, file, outcome.Error);
    }

    /// <summary>The message names the corrupted file, or manifest.json or the scenario whose expectation the file broke.</summary>
    private static void AssertNamed(string label, string file, string message) =>
        Assert.True(message.Contains(file, StringComparison.Ordinal), $"{label}: the message does not name {file}:\n{message}");

    private static T Capture<T>(string label, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            Assert.Fail($"{label}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            throw;
        }
    }

    private static (byte[] Bytes, string How) Mutate(byte[] bytes, Random random, int kind)
    {
        switch (kind)
        {
            case 0:
            {
                int length = random.Next(0, bytes.Length);
                return (bytes[..length], $"truncated to {length} of {bytes.Length} bytes");
            }
            case 1:
            {
                var copy = (byte[])bytes.Clone();
                int flips = random.Next(1, 4);
                var at = new List<int>();
                for (int f = 0; f < flips; f++)
                {
                    int p = random.Next(copy.Length);
                    copy[p] ^= (byte)random.Next(1, 256);
                    at.Add(p);
                }
                return (copy, $"bytes flipped at {string.Join(", ", at)}");
            }
            default:
            {
                var lines = Encoding.UTF8.GetString(bytes).Split('\n');
                int line = random.Next(lines.Length);
                const string Garbage = "abc,,\"x\"y,-7,1e999,NaN,=1+1,\u00e9\u0000";
                lines[line] = Garbage[..random.Next(1, Garbage.Length + 1)];
                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), $"line {line + 1} replaced by garbage");
            }
        }
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = 17;
            foreach (char c in text) hash = hash * 31 + c;
            return hash & 0x7fffffff;
        }
    }
}
