using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parquet;
using TrustSim.Core;
using TrustSim.Reports;
using TrustSim.Tests.Cli;

namespace TrustSim.Tests.Reports;

/// <summary>
/// datapackage.json against real folders of every kind the tool writes: every data file is a resource, every
/// resource's file is there, each table's header is its schema's fields in order, and every value is of its
/// field's type and inside its constraints. The checks read the package as a stranger would, from the JSON,
/// not from the code that wrote it.
/// </summary>
[Collection(OutputFoldersCollection.Name)]
public sealed class DataPackageTests(OutputFolders folders, DataPackageTests.MoreFolders more) : IClassFixture<DataPackageTests.MoreFolders>
{
    /// <summary>The kinds OutputFolders does not make: a Sobol sweep (sensitivity.csv) and a comparison of sweeps.</summary>
    public sealed class MoreFolders : IDisposable
    {
        public MoreFolders()
        {
            Root = TempFolder.Create();
            string sobol = Path.Combine(Root, "sobol.yaml");
            File.WriteAllText(sobol, $"extends: {Path.Combine(Paths.RepositoryRoot(), "scenarios", "partnership-drivers-sobol.yaml")}\n" +
                "sweep:\n  samples: 4\n  replications: 1\n  metrics: [final_reputation]\n");
            Make(["sweep", sobol, "--out", Sobol, "--workers", "2", "--set", "users.count=200", "--set", "time.steps=12"]);
        }

        public string Root { get; }

        public string Sobol => Path.Combine(Root, "sobol");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static void Make(string[] args)
    {
        var outcome = CliRunner.Run(args);
        Assert.True(outcome.ExitCode == 0, $"{string.Join(' ', args)}: {outcome.Error}");
    }

    [Fact]
    public void Write_EveryKindOfFolder_DescribesEveryFileAndColumnWithTheRightTypes()
    {
        string sweepComparison = Path.Combine(more.Root, "sweep-comparison");
        if (!Directory.Exists(sweepComparison)) Make(["compare", folders.Sweep, folders.Sweep, "--out", sweepComparison]);
        foreach (string folder in new[] { folders.Run, folders.Sweep, folders.Comparison, folders.Calibration, folders.Posterior, folders.Threshold, folders.Discovery, more.Sobol, sweepComparison })
        {
            int tables = PackageChecks.Check(folder);
            Assert.True(tables >= 1, $"{folder}: no table described");
        }
    }

    [Fact]
    public void Write_RunFolder_NamesUnitsEnumsAndSeedPattern()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folders.Run, DataPackage.FileName)));
        var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("path").GetString()!);
        Assert.Equal("data-package", json.RootElement.GetProperty("profile").GetString());
        Assert.Equal("trustsim-run-repeated-scandals", json.RootElement.GetProperty("name").GetString());

        JsonElement Field(string file, string name) =>
            resources[file].GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

        Assert.Equal("people", Field("timeseries.csv", "reach").GetProperty("unit").GetString());
        Assert.Equal(1, Field("timeseries.csv", "adoption").GetProperty("constraints").GetProperty("maximum").GetDouble());
        Assert.Equal("string", Field("summary.csv", "seed").GetProperty("type").GetString());
        Assert.Equal(TableField.SeedPattern, Field("summary.csv", "seed").GetProperty("constraints").GetProperty("pattern").GetString());
        Assert.Equal(["shock", "commitment", "breach", "intervention", "mode_switch", "warning_end"],
            Field("events.csv", "kind").GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("US dollars", Field("events.csv", "amount_usd").GetProperty("unit").GetString());
        Assert.Equal(["replication", "step"], resources["timeseries.csv"].GetProperty("schema").GetProperty("primaryKey").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Write_SameScenarioTwice_SameBytes()
    {
        // Nothing in it depends on the clock or the machine: two runs of one scenario and seed give one package.
        string again = Path.Combine(more.Root, "run-again");
        if (!Directory.Exists(again))
        {
            Make(["run", Path.Combine(Paths.RepositoryRoot(), "scenarios", "repeated-scandals.yaml"), "--out", again, "--replications", "2",
                "--workers", "1", "--set", "users.count=200", "--set", "time.steps=30"]);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(folders.Run, DataPackage.FileName)), File.ReadAllBytes(Path.Combine(again, DataPackage.FileName)));
    }
}

/// <summary>Checks a folder against its datapackage.json, reading both as files.</summary>
internal static partial class PackageChecks
{
    /// <summary>Files that are a folder's progress or its own dictionary, not data a package lists.</summary>
    private static readonly HashSet<string> NotListed = [DataPackage.FileName];

    /// <summary>Checks everything and returns how many tables the package describes.</summary>
    public static int Check(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, DataPackage.FileName)));
        JsonElement root = json.RootElement;
        Assert.Matches(Name(), root.GetProperty("name").GetString()!);
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        var paths = resources.Select(r => r.GetProperty("path").GetString()!).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.Equal(resources.Count, resources.Select(r => r.GetProperty("name").GetString()).Distinct().Count());
        Assert.All(resources, r => Assert.Matches(Name(), r.GetProperty("name").GetString()!));

        // Every file of the folder is described, and every file described is there.
        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(n => !n!.StartsWith('.') && !NotListed.Contains(n)).Order(StringComparer.Ordinal);
        Assert.Equal(files, paths.Order(StringComparer.Ordinal));

        int tables = 0;
        foreach (JsonElement resource in resources.Where(r => r.TryGetProperty("schema", out _)))
        {
            tables++;
            string path = Path.Combine(folder, resource.GetProperty("path").GetString()!);
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.All(fields, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("description").GetString()), $"{path}: {f}"));
            switch (resource.GetProperty("format").GetString())
            {
                case "csv":
                    CheckCsv(path, fields);
                    break;
                case "parquet":
                    CheckParquet(path, fields);
                    break;
                default:
                    Assert.Fail($"{path}: a table of format {resource.GetProperty("format")}");
                    break;
            }
        }
        return tables;
    }

    private static void CheckCsv(string path, List<JsonElement> fields)
    {
        using var temp = new TempFolder();
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            string plain = temp.File("plain.csv");
            using (var input = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress))
            using (var output = File.Create(plain))
            {
                input.CopyTo(output);
            }
            path = plain;
        }
        var rows = CsvFile.Rows(path).ToList();
        Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), rows[0]);
        for (int r = 1; r < rows.Count; r++)
        {
            for (int c = 0; c < fields.Count; c++)
            {
                string value = rows[r][c];
                if (value.Length == 0) continue; // missing
                Assert.True(Valid(value, fields[c]), $"{path}:{r + 1}: {fields[c].GetProperty("name")} = '{value}' is not {fields[c]}");
            }
        }
    }

    private static bool Valid(string value, JsonElement field)
    {
        string type = field.GetProperty("type").GetString()!;
        bool typed = type switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || value is "Infinity" or "-Infinity",
            "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "boolean" => value is "true" or "false",
            "string" => true,
            _ => false,
        };
        if (!typed || !field.TryGetProperty("constraints", out JsonElement constraints)) return typed;
        if (constraints.TryGetProperty("enum", out JsonElement allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == value)) return false;
        if (constraints.TryGetProperty("pattern", out JsonElement pattern) && !Regex.IsMatch(value, pattern.GetString()!)) return false;
        double x = type is "integer" or "number" ? double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;
        if (constraints.TryGetProperty("minimum", out JsonElement min) && x < min.GetDouble()) return false;
        return !constraints.TryGetProperty("maximum", out JsonElement max) || !(x > max.GetDouble());
    }

    private static void CheckParquet(string path, List<JsonElement> fields) => CheckParquetAsync(path, fields).GetAwaiter().GetResult();

    private static async Task CheckParquetAsync(string path, List<JsonElement> fields)
    {
        await using var stream = File.OpenRead(path);
        // DATE columns as DateOnly: a timestamp column would come back as DateTime and be told apart.
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var columns = reader.Schema.DataFields;
        Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), columns.Select(c => c.Name));
        for (int c = 0; c < columns.Length; c++)
        {
            Type clr = Nullable.GetUnderlyingType(columns[c].ClrType) ?? columns[c].ClrType;
            string expected = fields[c].GetProperty("type").GetString()!;
            string actual = clr == typeof(int) || clr == typeof(long) ? "integer" : clr == typeof(double) ? "number"
                : clr == typeof(DateOnly) ? "date" : clr == typeof(bool) ? "boolean"
                : clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>) ? "string" : clr.Name;
            Assert.True(expected == actual, $"{path}: column {columns[c].Name} is {clr.Name}, described as {expected}");
        }
    }

    [GeneratedRegex("^[-a-z0-9._/]+$")]
    private static partial Regex Name();
}
