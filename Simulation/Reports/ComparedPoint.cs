using TrustSim.Analysis;

namespace TrustSim.Reports;

/// <summary>One row of a sweep comparison.csv, parsed: a side's statistics of a metric at a design point and its difference from side 1 there.</summary>
/// <param name="Values">The design point: parameter values by path.</param>
/// <param name="Difference">Side minus side 1 at this point; NaN on side 1 and where side 1 lacks the point.</param>
/// <param name="Test">paired_t, welch_t, or empty.</param>
internal sealed record ComparedPoint(string Side, string Metric, IReadOnlyDictionary<string, double> Values, SampleStatistics Stats,
    double Difference, double DifferenceLow, double DifferenceHigh, string Test)
{
    public static ComparedPoint From(IReadOnlyDictionary<string, string> row)
    {
        double Number(string column) => row[column].Length == 0 ? double.NaN : Core.CsvFile.Number(row[column]);
        var values = row["point"].Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => Core.CsvFile.Number(kv[1]), StringComparer.Ordinal);
        return new ComparedPoint(row["side"], row["metric"], values,
            new SampleStatistics(Number("mean"), Number("sd"), Number("ci_low"), Number("ci_high"), (int)Number("n")),
            Number("difference"), Number("difference_ci_low"), Number("difference_ci_high"), row["test"]);
    }
}
