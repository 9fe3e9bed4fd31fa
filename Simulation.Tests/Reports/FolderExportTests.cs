using System.IO.Compression;
using Parquet;
using TrustSim.Core;
using TrustSim.Metrics;
using TrustSim.Reports;
using TrustSim.Tests.Cli;

namespace TrustSim.Tests.Reports;

/// <summary>trustsim export's copies hold the same rows and values as the tables they come from, typed as their package says.</summary>
[Collection(OutputFoldersCollection.Name)]
public sealed class FolderExportTests(OutputFolders folders)
{
    [Fact]
    public void Write_SweepAsCsv_TimeseriesAndLongPointsHoldEveryRow()
    {
        string sweep = OutputFolders.Copy(folders.Sweep);
        var context = PackageContext.Of(sweep);
        string target = Path.Combine(sweep, FolderExport.FolderName);

        var written = FolderExport.Write(sweep, target, context, ExportFormat.Csv);

        Assert.Equal(["datapackage.json", "points-long.csv.gz", "timeseries.csv.gz"], written.Select(Path.GetFileName).Order());
        var series = GunzipRows(Path.Combine(target, "timeseries.csv.gz"));
        Assert.Equal(["point", "replication", "step", "date", .. StepMetrics.Columns.Select(c => c.Name)], series[0]);
        // Every run's every step, in run order, with the values the Parquet file holds.
        var expected = new List<string[]>();
        TimeseriesParquet.ReadRuns(Path.Combine(sweep, TimeseriesParquet.FileName), StepMetrics.Columns.Select(c => c.Name).ToArray(), (p, r, dates, values) =>
        {
            for (int t = 0; t < dates.Length; t++)
                expected.Add([CsvText.Integer(p), CsvText.Integer(r), CsvText.Integer(t), CsvText.Date(dates[t]), .. values.Select(v => CsvText.Number(v[t]))]);
        });
        Assert.Equal(8 * 2 * 31, expected.Count);
        Assert.Equal(expected, series.Skip(1));

        var points = CsvFile.Rows(Path.Combine(sweep, "points.csv")).ToList();
        var longRows = GunzipRows(Path.Combine(target, "points-long.csv.gz"));
        Assert.Equal(["point", "scandals.rate", "platform.scar", "institutions.imitation", "metric", "mean", "sd", "ci_low", "ci_high", "n"], longRows[0]);
        Assert.Equal(points.Count - 1, longRows.Count - 1);
        Assert.Equal(points[3][..4].Concat(["final_reputation"]).Concat(points[3][4..]), longRows[3]);
        PackageChecks.Check(target);
    }

    [Fact]
    public void Write_RunAsParquet_EveryColumnTypedAndEveryValueKept()
    {
        string run = OutputFolders.Copy(folders.Run);
        string target = Path.Combine(CliRunner.TempFolder(), "copies");

        FolderExport.Write(run, target, PackageContext.Of(run), ExportFormat.Parquet);

        var summary = ReadParquet(Path.Combine(target, "summary.parquet"));
        var csv = CsvFile.Rows(Path.Combine(run, "summary.csv")).ToList();
        Assert.Equal(csv.Skip(1).Select(r => r[1]), summary["seed"].Cast<string>());
        Assert.Equal(csv.Skip(1).Select(r => CsvFile.Number(r[2])), summary["final_reputation"].Cast<double?>().Select(v => v ?? double.NaN));
        Assert.Equal(csv.Skip(1).Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)), summary["replication"].Cast<long?>().Select(v => v!.Value));

        var events = ReadParquet(Path.Combine(target, "events.parquet"));
        var eventRows = CsvFile.Rows(Path.Combine(run, "events.csv")).ToList();
        int label = Array.IndexOf(eventRows[0], "label"), affected = Array.IndexOf(eventRows[0], "affected");
        // An empty field is null in the copy, as it is missing in the CSV.
        Assert.Equal(eventRows.Skip(1).Select(r => r[label].Length == 0 ? null : r[label]), events["label"].Cast<string?>());
        Assert.Equal(eventRows.Skip(1).Select(r => r[affected].Length == 0 ? (double?)null : CsvFile.Number(r[affected])), events["affected"].Cast<double?>());
        Assert.All(ReadParquet(Path.Combine(target, "timeseries.parquet"))["date"], d => Assert.IsType<DateOnly>(d));
        Assert.Equal(4, PackageChecks.Check(target));
    }

    [Fact]
    public void Write_DamagedTable_RefusedNamingTheLineAndNoCopyOfIt()
    {
        string run = OutputFolders.Copy(folders.Run);
        string summary = Path.Combine(run, "summary.csv");
        var lines = File.ReadAllLines(summary);
        lines[2] = lines[2].Replace(",0x", ",zz", StringComparison.Ordinal);
        File.WriteAllText(summary, string.Join('\n', lines) + "\n");
        string target = Path.Combine(CliRunner.TempFolder(), "copies");

        var e = Assert.Throws<DataFileException>(() => FolderExport.Write(run, target, PackageContext.Of(run), ExportFormat.Parquet));

        Assert.Contains("summary.csv:3: field 2 (seed): 'zz", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    private static List<string[]> GunzipRows(string path)
    {
        using var temp = new TempFolder();
        string plain = temp.File("plain.csv");
        using (var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var output = File.Create(plain))
        {
            input.CopyTo(output);
        }
        return CsvFile.Rows(plain).ToList();
    }

    /// <summary>Every column of a Parquet file, by name (dates as DateOnly).</summary>
    internal static Dictionary<string, List<object?>> ReadParquet(string path) => ReadParquetAsync(path).GetAwaiter().GetResult();

    private static async Task<Dictionary<string, List<object?>>> ReadParquetAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var columns = reader.Schema.DataFields.ToDictionary(f => f.Name, _ => new List<object?>());
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = (int)group.RowCount;
            foreach (var field in reader.Schema.DataFields)
            {
                Type clr = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
                columns[field.Name].AddRange(clr == typeof(long) ? await Read<long>(group, field, rows)
                    : clr == typeof(double) ? await Read<double>(group, field, rows)
                    : clr == typeof(DateOnly) ? await Read<DateOnly>(group, field, rows)
                    : clr == typeof(bool) ? await Read<bool>(group, field, rows)
                    : await Texts(group, field, rows));
            }
        }
        return columns;
    }

    private static async Task<IEnumerable<object?>> Read<T>(ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows) where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values.Select(v => v is { } x ? (object?)x : null);
    }

    private static async Task<IEnumerable<object?>> Texts(ParquetRowGroupReader group, Parquet.Schema.DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }
}
