using TrustSim.Core;
using TrustSim.Metrics;

namespace TrustSim.Reports;

/// <summary>
/// <c>trustsim export</c>: copies of a finished folder's tables in the other format, for programs that read
/// only one. CSV: a sweep's timeseries.parquet as timeseries.csv.gz (one row per point, replication and step),
/// and points.csv in long form as points-long.csv.gz (one row per point and metric). Parquet: every CSV
/// table as NAME.parquet, each column of its Table Schema type. The copies go to their own folder (by
/// default <see cref="FolderName"/> inside the folder) with a datapackage.json of their own; the folder's
/// own files are never changed.
/// </summary>
internal static class FolderExport
{
    /// <summary>The default export folder, inside the folder exported; every kind of folder may hold it.</summary>
    public const string FolderName = "export";

    /// <summary>
    /// Where the copies are made before they take their names, inside the export folder: a damaged table found
    /// halfway then leaves none of this export's copies behind. Only the export holding the folder's lock uses it.
    /// </summary>
    public const string StagingName = ".export-staging";

    /// <summary>points.csv in long form.</summary>
    public const string PointsLongFile = "points-long.csv.gz";

    /// <summary>What exporting <paramref name="context"/>'s kind of folder writes in <paramref name="format"/>: each copy with the table it comes from.</summary>
    public static IReadOnlyList<(PackageEntry Source, PackageEntry Copy)> Copies(PackageContext context, ExportFormat format)
    {
        var copies = new List<(PackageEntry, PackageEntry)>();
        foreach (PackageEntry table in DataPackageCatalog.Of(context).Where(e => e.Fields is not null))
        {
            if (format == ExportFormat.Csv && table.Format == "parquet")
                copies.Add((table, table with { Path = $"{table.Name}.csv.gz", Description = $"{table.Path} as gzipped CSV: {table.Description}" }));
            if (format == ExportFormat.Csv && table.Path == SweepTables.PointsFile)
                copies.Add((table, PointsLong(table)));
            if (format == ExportFormat.Parquet && table.Format == "csv")
                copies.Add((table, table with { Path = $"{table.Name}.parquet", Description = $"{table.Path} in Parquet, each column typed: {table.Description}" }));
        }
        return copies;
    }

    /// <summary>The copies whose source table <paramref name="folder"/> holds: what an export there would write.</summary>
    public static IReadOnlyList<(PackageEntry Source, PackageEntry Copy)> Pending(string folder, PackageContext context, ExportFormat format) =>
        Copies(context, format).Where(c => File.Exists(Path.Combine(folder, c.Source.Path))).ToList();

    /// <summary>Every file an export of this kind of folder may hold, in either format, and its datapackage.json.</summary>
    public static IReadOnlySet<string> Names(PackageContext context) =>
        Copies(context, ExportFormat.Csv).Concat(Copies(context, ExportFormat.Parquet)).Select(c => c.Copy.Path)
            .Append(DataPackage.FileName).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Writes the copies of <paramref name="folder"/>'s tables that it holds into <paramref name="target"/>, then the target's
    /// datapackage.json (describing every copy there, of either format). Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, string target, PackageContext context, ExportFormat format, CancellationToken cancel = default)
    {
        string staging = Path.Combine(target, StagingName);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        var written = new List<string>();
        try
        {
            foreach (var (source, copy) in Pending(folder, context, format))
            {
                string from = Path.Combine(folder, source.Path);
                cancel.ThrowIfCancellationRequested();
                string to = Path.Combine(staging, copy.Path);
                var fields = copy.Fields!(context);
                if (copy.Path == PointsLongFile) WritePointsLong(from, to, context);
                else if (source.Format == "parquet") WriteTimeseries(from, to, fields, cancel);
                else ParquetTable.Write(from, to, fields, cancel);
                written.Add(copy.Path);
            }
            cancel.ThrowIfCancellationRequested();
            foreach (string name in written) AtomicFile.Rename(Path.Combine(staging, name), Path.Combine(target, name));
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        written = written.Select(name => Path.Combine(target, name)).ToList();
        var present = Copies(context, ExportFormat.Csv).Concat(Copies(context, ExportFormat.Parquet))
            .Where(c => File.Exists(Path.Combine(target, c.Copy.Path))).Select(c => c.Copy).ToList();
        AtomicFile.WriteAllText(Path.Combine(target, DataPackage.FileName), DataPackage.Text(present, context,
            $"Copies of the tables of a trustsim {SnakeCase.From(context.Kind.ToString())} folder, written by trustsim export " +
            "(README.md, Exporting): the same rows and columns in another format. " + DataPackage.Description(context.Kind)));
        written.Add(Path.Combine(target, DataPackage.FileName));
        return written;
    }

    /// <summary>
    /// timeseries.parquet as CSV, read a row group at a time through <see cref="TimeseriesParquet.ReadRuns"/>. A run's rows
    /// are its steps 0, 1, 2... in order (the sweep records every step of every run), so the step is the row's place in its run.
    /// </summary>
    private static void WriteTimeseries(string from, string to, IReadOnlyList<TableField> fields, CancellationToken cancel)
    {
        var metrics = StepMetrics.Columns.Select(c => c.Name).ToArray();
        CsvTable.WriteGzip(to, fields.Select(f => f.Name).ToArray(), row =>
            TimeseriesParquet.ReadRuns(from, metrics, (point, replication, dates, values) =>
            {
                cancel.ThrowIfCancellationRequested();
                string p = CsvText.Integer(point), r = CsvText.Integer(replication);
                for (int t = 0; t < dates.Length; t++)
                {
                    var fieldsOut = new string[4 + metrics.Length];
                    fieldsOut[0] = p;
                    fieldsOut[1] = r;
                    fieldsOut[2] = CsvText.Integer(t);
                    fieldsOut[3] = CsvText.Date(dates[t]);
                    for (int m = 0; m < metrics.Length; m++) fieldsOut[4 + m] = CsvText.Number(values[m][t]);
                    row(fieldsOut);
                }
            }));
    }

    /// <summary>points.csv in long form: one row per design point and reported metric.</summary>
    private static PackageEntry PointsLong(PackageEntry points) => new(points.Kind, PointsLongFile, "Design points, long form",
        "points.csv with one row per design point and reported metric (point, parameters, metric, mean, sd, ci_low, ci_high, n); " +
        "each metric's unit is summary.csv's, in the package of the sweep folder", PointsLongFields) { PrimaryKey = ["point", "metric"] };

    private static IReadOnlyList<TableField> PointsLongFields(PackageContext c) =>
        [
            SweepTables.Point, .. c.Parameters.Select(p => TableField.Parameter(p, "the value at this point of the swept")),
            TableField.Text("metric", "the summary metric") with { Values = c.PointMetrics.Select(m => SummaryMetrics.Columns[m].Name).ToArray() },
            TableField.Number("mean", "mean over the point's completed replications"),
            TableField.Bounded(TableField.Number("sd", "sample standard deviation over them"), ValueDomain.NonNegative),
            TableField.Number("ci_low", "lower end of the mean's 95% interval, inside the metric's domain"),
            TableField.Number("ci_high", "upper end of the mean's 95% interval, inside the metric's domain"),
            TableField.Integer("n", "completed replications") with { Minimum = 0 },
        ];

    private static void WritePointsLong(string from, string to, PackageContext context)
    {
        var wide = SweepTables.PointsFields(context.Parameters, context.PointMetrics);
        var header = PointsLongFields(context).Select(f => f.Name).ToArray();
        using var sheet = CsvSheet.Open(from, wide.Select(f => f.Name));
        int[] parameters = context.Parameters.Select(sheet.Column).ToArray();
        int point = sheet.Column(SweepTables.Point.Name);
        CsvTable.WriteGzip(to, header, row =>
        {
            while (sheet.Next())
            {
                sheet.Int(point, 0, int.MaxValue);
                foreach (int c in parameters) sheet.Number(c);
                foreach (int m in context.PointMetrics)
                {
                    string name = SummaryMetrics.Columns[m].Name;
                    var values = SweepTables.StatisticSuffixes.Select(s => sheet.Column($"{name}_{s}")).ToArray();
                    foreach (int c in values[..^1]) sheet.NumberOrMissing(c);
                    sheet.Int(values[^1], 0, int.MaxValue);
                    row([sheet.Text(point), .. parameters.Select(sheet.Text), name, .. values.Select(sheet.Text)]);
                }
            }
        });
    }
}
