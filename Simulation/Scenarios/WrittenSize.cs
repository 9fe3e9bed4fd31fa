using System.Globalization;
using System.Text;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Refuses up front a scenario whose resolved form, the scenario.yaml every run, sweep, shard and
/// calibration folder holds, would be larger than the loader reads. Every default is written out
/// and <c>extends</c> is merged in, so a 400 KB file can resolve to more than a megabyte; accepted,
/// its sweep could not be resumed or sharded and its run folder not re-run, since those read the
/// written file back. One limit, <see cref="ScenarioFileSource.MaxBytes"/>, holds for both.
/// </summary>
internal static class WrittenSize
{
    /// <summary>The problem, located at the top-level section that takes most of the bytes, or null when the resolved scenario fits.</summary>
    public static ScenarioProblem? Problem(Scenario scenario, SourceMap map)
    {
        var yaml = ScenarioWriter.ToYaml(scenario);
        // UTF-8 is at most 3 bytes a UTF-16 unit: most scenarios are cleared without counting.
        if (yaml.Length * 3L <= ScenarioFileSource.MaxBytes)
            return null;
        long size = Encoding.UTF8.GetByteCount(yaml);
        if (size <= ScenarioFileSource.MaxBytes)
            return null;
        var (section, bytes) = Largest(yaml);
        var advice = section == "calibrate"
            ? "move calibrate.observed to a CSV named by calibrate.data"
            : $"shorten {section} (each item is written with all its keys)";
        return map.At(section).Problem(string.Create(CultureInfo.InvariantCulture,
            $"the resolved scenario (defaults written out, extends and --set applied) is {size:N0} bytes, over the {ScenarioFileSource.MaxBytes:N0} bytes " +
            $"a scenario file may have, so the scenario.yaml a run or sweep writes could not be read back to resume, shard or re-run it; " +
            $"{section} takes {bytes:N0} bytes of it: {advice}"));
    }

    /// <summary>The top-level key whose lines take the most bytes, and those bytes (line ends included).</summary>
    public static (string Section, long Bytes) Largest(string yaml)
    {
        var best = ("", 0L);
        var current = "";
        long bytes = 0;
        foreach (var line in yaml.Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ' && line[0] != '#' && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                if (bytes > best.Item2) best = (current, bytes);
                current = line[..colon];
                bytes = 0;
            }
            bytes += Encoding.UTF8.GetByteCount(line) + 1;
        }
        return bytes > best.Item2 ? (current, bytes) : best;
    }
}
