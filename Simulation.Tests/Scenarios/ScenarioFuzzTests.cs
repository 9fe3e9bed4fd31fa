using System.Text;
using TrustSim.Core;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

/// <summary>
/// Seeded mutations of every shipped scenario (deleted, duplicated and swapped lines, changed
/// values and types, random bytes, truncation) fed to the loader: it must answer each with a
/// scenario or with located problems, never an exception.
/// </summary>
public sealed class ScenarioFuzzTests
{
    private const int InputsPerScenario = 1_700;

    public static TheoryData<string> ShippedFiles() => ShippedScenarioTests.ShippedFiles();

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void LoadText_MutatedShippedScenario_AnswersWithScenarioOrLocatedProblems(string file)
    {
        var path = Path.Combine(Paths.RepositoryRoot(), "scenarios", file);
        var original = File.ReadAllText(path);
        var rng = new RandomStream(0xF022 + (ulong)file.Length * 7919 + (ulong)file[0]);
        int loaded = 0, refused = 0;
        for (var i = 0; i < InputsPerScenario; i++)
        {
            var text = Mutate(original, rng);
            LoadResult result;
            try
            {
                // Named as the shipped file so extends: resolves against its real neighbours.
                result = ScenarioLoader.LoadText(text, path);
            }
            catch (Exception ex)
            {
                Assert.Fail($"mutation {i} of {file} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}");
                return;
            }
            if (result.Succeeded) { loaded++; continue; }
            refused++;
            foreach (var p in result.Problems)
            {
                Assert.False(string.IsNullOrWhiteSpace(p.File), $"mutation {i}: problem without a file: {p}");
                Assert.True(p.Line >= 1 && p.Column >= 1, $"mutation {i}: problem without a location: {p}");
                Assert.False(string.IsNullOrWhiteSpace(p.Message));
                Assert.DoesNotContain("   at ", p.Message);
                Assert.DoesNotContain("internal error", p.Message);
            }
        }
        // Both outcomes must occur, or the mutations are not exercising the loader.
        Assert.True(loaded > 0 && refused > 0, $"loaded {loaded}, refused {refused}");
    }

    // Raw bytes on disk: invalid UTF-8, NUL bytes, a byte-order mark, truncation mid-character.
    [Fact]
    public void Load_ShippedScenarioWithRandomBytes_AnswersWithScenarioOrLocatedProblems()
    {
        var root = Paths.RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "trustsim-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(Path.Combine(root, "scenarios"), "*.yaml"))
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var original = File.ReadAllBytes(Path.Combine(root, "scenarios", "cambridge-analytica.yaml"));
        var rng = new RandomStream(0xB17E5);
        var path = Path.Combine(folder, "mutant.yaml");
        try
        {
            for (var i = 0; i < 400; i++)
            {
                var bytes = original.ToList();
                for (var e = 0; e < 1 + rng.NextIndex(4); e++)
                {
                    var at = rng.NextIndex(bytes.Count);
                    switch (rng.NextIndex(4))
                    {
                        case 0: bytes[at] = (byte)rng.NextIndex(256); break;
                        case 1: bytes.Insert(at, (byte)(0x80 + rng.NextIndex(128))); break;
                        case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                        default: bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF }); break;
                    }
                    if (bytes.Count == 0) break;
                }
                File.WriteAllBytes(path, bytes.ToArray());
                var result = ScenarioLoader.Load(path);
                Assert.All(result.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1 && p.File.Length > 0, p.ToString()));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Mutate(string text, RandomStream rng)
    {
        var lines = text.Split('\n').ToList();
        var edits = 1 + rng.NextIndex(3);
        for (var e = 0; e < edits && lines.Count > 0; e++)
        {
            var k = rng.NextIndex(lines.Count);
            switch (rng.NextIndex(9))
            {
                case 0: lines.RemoveAt(k); break;
                case 1: lines.Insert(k, lines[k]); break;
                case 2:
                    var m = rng.NextIndex(lines.Count);
                    (lines[k], lines[m]) = (lines[m], lines[k]);
                    break;
                case 3: lines[k] = ReplaceValue(lines[k], Values[rng.NextIndex(Values.Length)]); break;
                case 4: lines[k] = lines[k].Insert(rng.NextIndex(lines[k].Length + 1), RandomBytes(rng)); break;
                case 5: lines[k] = "\t" + lines[k]; break;
                case 6: lines[k] = lines[k].Length > 0 ? lines[k][..rng.NextIndex(lines[k].Length)] : "x"; break;
                case 7: lines[k] = "  " + lines[k]; break;
                default: lines[k] = ReplaceKey(lines[k], rng); break;
            }
        }
        return string.Join('\n', lines);
    }

    private static readonly string[] Values =
    [
        "-1", "1e12", "NaN", ".inf", "-.inf", "abc", "[1, 2]", "{a: 1}", "~", "\"\"", "0x10", "2018-02-30",
        "9999-01-01", "&a [1]", "*a", "!!binary AA==", "true", "1e400", "- item", "'unterminated", "{",
    ];

    private static string ReplaceValue(string line, string value)
    {
        var colon = line.IndexOf(':');
        return colon < 0 ? value : line[..(colon + 1)] + " " + value;
    }

    private static string ReplaceKey(string line, RandomStream rng)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0) return line;
        var key = line[..colon];
        var at = rng.NextIndex(key.Length);
        return key.Remove(at, 1).Insert(at, ((char)('a' + rng.NextIndex(26))).ToString()) + line[colon..];
    }

    private static string RandomBytes(RandomStream rng)
    {
        var bytes = new byte[1 + rng.NextIndex(6)];
        rng.NextBytes(bytes);
        // Decoded leniently, as a file with stray bytes would be by a reader that replaced them.
        return Encoding.Latin1.GetString(bytes);
    }
}
