using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>
/// Every file a trustsim folder may hold that datapackage.json describes, by the kind of folder that writes
/// it. A new table is one entry here whose fields are the writer's own field list; a test then checks the
/// entry against the header of a real folder, and fails for any data file in a folder that has no entry.
/// </summary>
internal static class DataPackageCatalog
{
    public static IReadOnlyList<PackageEntry> All { get; } =
    [
        new(null, ManifestJson.FileName, "Manifest",
            "What made this folder: tool version and commit, command line, scenario file and its SHA-256, master seed and each " +
            "replication's seed (0x and 16 hex digits), start and end time, wall seconds, .NET and OS, status; written last, so a " +
            "folder without it is unfinished") { WrittenAfter = true },
        new(null, Html.ReportFile.FileName, "Report page",
            "The folder on one self-contained page for a browser: its tables, every chart, the warnings, the scenario and the " +
            "provenance; trustsim report writes it again from the files")
            { WrittenAfter = true, When = c => c.Kind != OutputKind.Discovery },
        new(OutputKind.Run, RunFolder.ScenarioFile, "Resolved scenario",
            "The scenario as run, with inheritance and --set applied (docs/scenarios.md); run it again to reproduce the data"),
        new(OutputKind.Sweep, RunFolder.ScenarioFile, "Resolved scenario",
            "The scenario as swept, with inheritance and --set applied; its sweep section is the design"),
        new(OutputKind.Run, RunCsv.TimeseriesFile, "Time series",
            "One row per replication and step: the state of the world at the end of the step (docs/ODD.md, Observation)",
            _ => RunCsv.TimeseriesFields) { PrimaryKey = ["replication", "step"] },
        new(OutputKind.Run, RunCsv.SummaryFile, "Summary", "One row per replication: its seed and summary metrics",
            _ => RunCsv.SummaryFields) { PrimaryKey = ["replication"] },
        new(OutputKind.Run, RunCsv.EventsFile, "Events",
            "One row per logged event (shocks, commitments, breaches, interventions, mode switches, warnings' ends), in the " +
            "engine's order within a replication; a column that does not apply to the event's kind is empty", _ => EventsCsv.Fields),
        new(OutputKind.Run, InstitutionsCsv.FileName, "Institutions", "Each institution's attributes and final state, per replication",
            _ => InstitutionsCsv.Fields) { PrimaryKey = ["replication", "index"] },
        new(OutputKind.Sweep, SweepTables.RunsFile, "Runs",
            "One row per run: its point, replication, seed, parameter values, every summary metric and status",
            c => SweepTables.RunsFields(c.Parameters)) { PrimaryKey = ["run_id"] },
        new(OutputKind.Sweep, SweepTables.PointsFile, "Design points",
            "One row per design point: the parameter values, then five statistics of each reported metric (a wide table; " +
            "trustsim export --format csv also writes it long, one row per point and metric)",
            c => SweepTables.PointsFields(c.Parameters, c.PointMetrics)) { PrimaryKey = ["point"] },
        new(OutputKind.Sweep, TimeseriesParquet.FileName, "Time series",
            "Every completed run's time series, in run-id order (Parquet; an undefined value is NaN). " +
            "trustsim export --format csv writes it as timeseries.csv.gz", _ => TimeseriesParquet.Fields) { PrimaryKey = ["point", "replication", "step"] },
        new(OutputKind.Sweep, SensitivityFolder.FileName, "Sensitivity indices",
            "Sobol or Morris indices of each reported metric for each swept parameter, with 95% bootstrap intervals", _ => SensitivityFolder.Fields),
        new(OutputKind.Sweep, ThresholdFolder.FileName, "Threshold search",
            "One row per evaluation of the threshold search: the parameter's value and the metric's mean there", _ => ThresholdFolder.Fields)
            { PrimaryKey = ["evaluation"] },
        new(OutputKind.Sweep, SweepStart.FileName, "Sweep start", "The resolved scenario's SHA-256 and run count, written before the first run; " +
            "--resume checks the scenario against it"),
        new(OutputKind.Sweep, SweepJournal.FileName, "Journal",
            "One JSON line per finished run, appended as each finishes (in any order): what --resume and merge read. Its seeds are " +
            "JSON numbers; read seeds from runs.csv, where they are text"),
        new(OutputKind.Comparison, CompareFolder.FileName, "Comparison",
            "Each side's statistics of every summary metric and its difference from side 1 (sweeps: per design point)",
            _ => CompareFolder.Fields),
        new(OutputKind.Comparison, CompareFolder.BandsFile, "Bands",
            "Run sides: each key series' mean and 5-95% band over replications, step by step", _ => CompareFolder.BandsFields)
            { PrimaryKey = ["side", "series", "step"] },
        new(OutputKind.Calibration, CalibrationFolder.FitFile, "Fit", "One row per fitted parameter: its value, bounds and uncertainty",
            _ => CalibrationCsv.FitFields) { PrimaryKey = ["parameter"], When = c => !c.Posterior },
        new(OutputKind.Calibration, CalibrationFolder.TraceFile, "Trace", "One row per evaluation of the loss, in the order they ran",
            c => CalibrationCsv.TraceFields(c.Parameters)) { PrimaryKey = ["index"] },
        new(OutputKind.Calibration, CalibrationFolder.FittedFile, "Fitted scenario", "The scenario at the fit, ready to run"),
        new(OutputKind.Calibration, CalibrationFolder.ObservedFile, "Observations",
            "The observations fitted to, as placed on the run's calendar", _ => CalibrationFolder.ObservedFields),
        new(OutputKind.Calibration, CalibrationFolder.FitTimeseriesFile, "Time series at the fit",
            "The replications at the fit, as a run folder's timeseries.csv", _ => RunCsv.TimeseriesFields) { PrimaryKey = ["replication", "step"] },
        new(OutputKind.Calibration, CalibrationFolder.FitEventsFile, "Events at the fit",
            "The replications' events at the fit, as a run folder's events.csv", _ => EventsCsv.Fields),
        new(OutputKind.Calibration, RunFolder.ScenarioFile, "Resolved scenario",
            "The scenario calibrated, with inheritance and --set applied and the observations written inline; calibrate it again to " +
            "reproduce the folder") { When = c => c.Posterior },
        new(OutputKind.Calibration, PosteriorFolder.PosteriorFile, "Posterior draws",
            "One row per retained draw of every chain (after warmup), each sampled quantity on its own scale",
            c => PosteriorCsv.PosteriorFields(c.Quantities)) { PrimaryKey = ["chain", "draw"], When = c => c.Posterior },
        new(OutputKind.Calibration, PosteriorFolder.SummaryFile, "Posterior summary",
            "One row per sampled quantity: its prior, posterior mean, median and 95% credible interval, and its convergence (R-hat, ESS)",
            _ => PosteriorCsv.SummaryFields) { PrimaryKey = ["quantity"], When = c => c.Posterior },
        new(OutputKind.Calibration, PosteriorFolder.FitFile, "Observations and the posterior predictive",
            "One row per observation: its value and error, whether it carries information, and the model's and a new observation's " +
            "95% posterior predictive band", _ => PosteriorCsv.FitFields) { When = c => c.Posterior },
        new(OutputKind.Calibration, PosteriorFolder.CorrelationFile, "Posterior correlations",
            "The correlation matrix of the sampled quantities over the pooled draws; |r| above 0.9 is a ridge the observations do not resolve",
            c => PosteriorCsv.CorrelationFields(c.Quantities)) { PrimaryKey = ["quantity"], When = c => c.Posterior },
        new(OutputKind.Calibration, PosteriorFolder.ProfileFile, "Profile likelihood",
            "For each parameter held at values across its range, the best log-likelihood over the others",
            _ => PosteriorCsv.ProfileFields) { When = c => c.Posterior },
        new(OutputKind.Calibration, PosteriorFolder.PredictiveFile, "Posterior predictive series",
            "Each observed metric step by step over the observed stretch and after it: the model's median and 95% band over the predictive draws",
            _ => PosteriorCsv.PredictiveFields) { PrimaryKey = ["metric", "step"], When = c => c.Posterior },
        new(OutputKind.Discovery, DiscoveryFolder.FileName, "Boxes",
            "The boxes PRIM found (each input's limits, coverage, density, mass, quasi-p-values), the cases and selection it searched, " +
            "and why it stopped (JSON)"),
        new(OutputKind.Discovery, DiscoveryFolder.TrajectoryFile, "Peeling trajectory",
            "One row per box of every search, peeling and pasting step by step: its cases, coverage, density and mass, then each input's limits",
            c => DiscoveryFolder.TrajectoryFields(c.Parameters, c.Categorical)) { PrimaryKey = ["search", "step"] },
    ];

    /// <summary>The entries a folder described by <paramref name="context"/> may hold, in catalogue order.</summary>
    public static IEnumerable<PackageEntry> Of(PackageContext context) => All.Where(e => e.Applies(context));
}
