namespace TrustSim.Reports;

/// <summary>
/// One file a kind of folder may hold, as datapackage.json describes it: a table, whose columns come from
/// its writer's own field list (given the folder's <see cref="PackageContext"/>), or another file (the
/// manifest, a scenario) described in words. <see cref="DataPackageCatalog"/> lists them all.
/// </summary>
/// <param name="Kind">The kind of folder that writes it; null for a file every kind writes.</param>
/// <param name="Path">Its name in the folder.</param>
/// <param name="Fields">The table's columns in file order; null for a file that is not a table.</param>
internal sealed record PackageEntry(OutputKind? Kind, string Path, string Title, string Description,
    Func<PackageContext, IReadOnlyList<TableField>>? Fields = null)
{
    /// <summary>
    /// Whether a folder of <see cref="Kind"/> holds this file, when that depends on more than its kind: a calibration
    /// by the optimiser and one by the posterior both write fit.csv, with different columns. Null: every such folder.
    /// </summary>
    public Func<PackageContext, bool>? When { get; init; }

    /// <summary>Listed even before the file is there: a file the command writes after datapackage.json (the manifest, the report page).</summary>
    public bool WrittenAfter { get; init; }

    /// <summary>Whether a folder described by <paramref name="context"/> holds this file.</summary>
    public bool Applies(PackageContext context) => (Kind is null || Kind == context.Kind) && (When?.Invoke(context) ?? true);

    /// <summary>Columns that identify a row, when some do.</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>The resource name: the file name without its extension(s), as Frictionless spells names.</summary>
    public string Name => Path.Split('.')[0].ToLowerInvariant();

    /// <summary>The format word (csv, parquet, json, yaml, jsonl).</summary>
    public string Format => Path.EndsWith(".csv.gz", StringComparison.Ordinal) ? "csv" : System.IO.Path.GetExtension(Path).TrimStart('.');
}
