using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using TrustSim.Core;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim export DIR --format csv|parquet [--out OUT]</c>: copies of a finished folder's tables in the other
/// format (see <see cref="FolderExport"/>), by default into DIR/export/ so they travel with the folder they come
/// from. The folder is checked as <c>plot</c> checks it; a folder that is not a finished trustsim folder, an
/// unknown format or an --out that holds other files is bad input (exit 2).
/// </summary>
internal sealed partial class ExportCommand(Terminal terminal) : Command<ExportCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A folder written by run, sweep, merge, compare or calibrate.")]
        public string Folder { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("csv: gzipped CSV of the tables that are not CSV (a sweep's timeseries.parquet) and points.csv in long form; " +
                     "parquet: Parquet copies of the CSV tables, each column typed.")]
        public string? Format { get; init; }

        [CommandOption("--out <OUT>")]
        [Description("Where the copies go (default DIR/export). It may already hold an earlier export, of either format.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() => Format switch
        {
            null => ValidationResult.Error("give the format with --format csv or --format parquet"),
            "csv" or "parquet" => ValidationResult.Success(),
            _ => ValidationResult.Error($"--format: '{Format}' is not csv or parquet"),
        };
    }

    /// <summary>An AtomicFile temporary a killed export left (<c>.NAME.GUID.tmp</c>).</summary>
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex Temporary();

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        string folder = settings.Folder;
        var format = settings.Format == "csv" ? ExportFormat.Csv : ExportFormat.Parquet;
        if (!Directory.Exists(folder))
            return terminal.BadInput([File.Exists(folder) ? $"trustsim: {folder}: is a file; export takes an output folder" : $"trustsim: {folder}: no such folder"]);
        if (File.Exists(Path.Combine(folder, ShardManifest.FileName)))
            return terminal.BadInput([$"trustsim: {folder}: a shard of a sweep ({ShardManifest.FileName}), which has no tables of its own: " +
                "join the shards with 'trustsim merge SHARD... --out DIR', then export DIR"]);
        if (File.Exists(Path.Combine(folder, SlurmScripts.SubmitScript)))
            return terminal.BadInput([$"trustsim: {folder}: a Slurm job folder; export its merged sweep: trustsim export {Path.Combine(folder, SlurmScripts.MergedFolder)} --format {settings.Format}"]);
        PackageContext package;
        try
        {
            package = PackageContext.Of(folder);
        }
        catch (DataFileException e)
        {
            return terminal.BadInput([$"trustsim: {e.Message}"]);
        }

        if (FolderExport.Pending(folder, package, format).Count == 0)
        {
            terminal.Out.Print($"{folder}: nothing to convert to {settings.Format}: " + (format == ExportFormat.Csv
                ? "every table of this folder is CSV already (for typed Parquet copies: --format parquet)"
                : "this folder has no CSV table"));
            return ExitCode.Done;
        }
        string target = settings.Out ?? Path.Combine(folder, FolderExport.FolderName);
        if (Refusal(folder, target, package) is { } refusal) return terminal.BadInput([$"trustsim: {refusal}"]);
        // Locked like every folder a command writes; the checks above are the export's own, so nothing is emptied.
        var claimed = OutputFolder.Claim(new OutputRequest(target, package.Kind, false, OutputMode.Resume, [],
            LockHolder.ThisProcess(started, RunEnvironment.CommandLine(context.Arguments))));
        if (!claimed.Ok) return terminal.BadInput(claimed.Problems);
        using var output = claimed.Value;
        using var signals = new InterruptSignals(cancellationToken);
        IReadOnlyList<string> written;
        bool existed = Directory.Exists(target);
        try
        {
            if (Directory.Exists(target))
            {
                // Under the lock, a temporary is a killed export's: never a file under its final name, so gone.
                foreach (string leftover in Directory.EnumerateFiles(target).Where(f => Temporary().IsMatch(Path.GetFileName(f))))
                    File.Delete(leftover);
            }
            written = FolderExport.Write(folder, target, package, format, signals.Token);
        }
        catch (DataFileException e)
        {
            // Bad input writes nothing: an export folder this command made, and left empty, goes too.
            if (!existed && Directory.Exists(target) && !Directory.EnumerateFileSystemEntries(target).Any()) Directory.Delete(target);
            return terminal.BadInput([$"trustsim: {e.Message}"]);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            terminal.Error.Print($"trustsim: interrupted; every file under its name in {target} is whole; run the export again for the rest");
            return ExitCode.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error.Print($"trustsim: {WriteFailure.Describe(target, e)}");
            return ExitCode.RunFailed;
        }

        var tables = written.Where(w => Path.GetFileName(w) != DataPackage.FileName).Select(Path.GetFileName).ToList();
        terminal.Out.Print($"{tables.Count} table{(tables.Count == 1 ? "" : "s")} of {folder} written to {target}: {string.Join(", ", tables)} " +
                           $"(described in {Path.Combine(target, DataPackage.FileName)})");
        return ExitCode.Done;
    }

    /// <summary>Why the copies may not go to <paramref name="target"/>, or null.</summary>
    private static string? Refusal(string folder, string target, PackageContext package)
    {
        if (File.Exists(target)) return $"{target}: is a file, not a folder";
        bool inside = RealPath.Overlap(target, folder);
        if (inside && RealPath.Of(target) != RealPath.Of(Path.Combine(folder, FolderExport.FolderName)))
            return $"{target}: is, holds or lies inside {folder}, which export only reads; leave --out out (the copies then go to " +
                   $"{Path.Combine(folder, FolderExport.FolderName)}) or choose a folder outside it";
        if (!Directory.Exists(target)) return null;
        var names = FolderExport.Names(package);
        var foreign = Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName)
            .Where(n => !names.Contains(n!) && !Temporary().IsMatch(n!) && n != FolderExport.StagingName).Order(StringComparer.Ordinal).ToList();
        return foreign.Count == 0 ? null
            : $"{target}: holds {string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? $" and {foreign.Count - 3} more" : "")}, which export " +
              "does not write; export into an empty or new folder, or one that holds an earlier export of the same kind of folder";
    }
}
