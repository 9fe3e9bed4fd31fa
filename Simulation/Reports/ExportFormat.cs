namespace TrustSim.Reports;

/// <summary>What <c>trustsim export</c> converts a folder's tables into.</summary>
internal enum ExportFormat
{
    /// <summary>Gzipped CSV of the tables that are not CSV (a sweep's timeseries.parquet), and points.csv in long form.</summary>
    Csv,

    /// <summary>Parquet of the CSV tables, each column of its Table Schema type.</summary>
    Parquet,
}
