using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim slurm SCENARIO --shards N</c>: writes a cluster sweep folder with the resolved scenario
/// and the Slurm scripts that run its shards as an array job and merge them; submits nothing.
/// </summary>
internal sealed class SlurmCommand(Terminal terminal) : Command<SlurmCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file with a sweep: section.")]
        public string Scenario { get; init; } = "";

        [CommandOption("--shards <N>")]
        [Description("Number of shards, one Slurm array task each.")]
        public int? Shards { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("The cluster sweep folder (default: output/<name>/<yyyyMMdd-HHmmss>); on a filesystem the nodes share.")]
        public string? Out { get; init; }

        [CommandOption("--partition <P>")] [Description("#SBATCH --partition.")] public string? Partition { get; init; }

        [CommandOption("--account <A>")] [Description("#SBATCH --account.")] public string? Account { get; init; }

        [CommandOption("--time <T>")] [Description("#SBATCH --time, the limit per task, e.g. 01:00:00.")] public string? Time { get; init; }

        [CommandOption("--cpus-per-task <C>")]
        [Description("#SBATCH --cpus-per-task; each shard runs that many runs at once (default 1).")]
        public string? CpusPerTask { get; init; }

        [CommandOption("--mem <M>")] [Description("#SBATCH --mem, per task, e.g. 4G.")] public string? Mem { get; init; }

        [CommandOption("--sbatch <EXTRA>")]
        [Description("Further sbatch options for both jobs, e.g. --sbatch \"--qos=long\" (repeatable).")]
        public string[] Sbatch { get; init; } = [];

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key after inheritance (repeatable); the folder's scenario.yaml has it applied.")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--force")]
        [Description("Replace an existing --out Slurm job folder: everything in it (shards, logs, merged sweep) is removed first.")]
        public bool Force { get; init; }

        /// <summary>--cpus-per-task as a number; null when not given (or not a whole number: <see cref="Validate"/> refuses that).</summary>
        public int? Cpus => CpusPerTask is { } c && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;

        public override ValidationResult Validate()
        {
            if (Shards is null) return ValidationResult.Error("give the number of shards: --shards N");
            if (Shards < 1) return ValidationResult.Error("--shards must be at least 1");
            // Every value written into a script is one line: a line break would end an #SBATCH line or a shell line and start a command.
            foreach (var (option, value) in ScriptValues())
            {
                if (SlurmScripts.LineProblem(option, value) is { } problem) return ValidationResult.Error(problem);
            }
            if (CpusPerTask is not null && Cpus is not >= 1) return ValidationResult.Error("--cpus-per-task must be a whole number, at least 1");
            return ValidationResult.Success();
        }

        /// <summary>The flags whose values end up in the scripts, with the option that gave each.</summary>
        private IEnumerable<(string Option, string Value)> ScriptValues()
        {
            yield return ("SCENARIO", Scenario);
            if (Out is { } o) yield return ("--out", o);
            if (Partition is { } p) yield return ("--partition", p);
            if (Account is { } a) yield return ("--account", a);
            if (Time is { } t) yield return ("--time", t);
            if (CpusPerTask is { } c) yield return ("--cpus-per-task", c);
            if (Mem is { } m) yield return ("--mem", m);
            foreach (string x in Sbatch) yield return ("--sbatch", x);
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var loaded = ScenarioInput.Load(settings.Scenario, settings.Overrides);
        if (!loaded.Ok) return terminal.BadInput(loaded.Problems);
        var scenario = loaded.Value;
        if (scenario.Sweep is null) return terminal.BadInput([$"{settings.Scenario}:1:1: the scenario has no sweep: section, so there is nothing to shard"]);
        var plan = SweepPlan.Build(scenario);
        int shards = settings.Shards!.Value;
        if (shards > plan.RunCount)
            return terminal.BadInput([$"trustsim: --shards {shards} is more than the sweep's {plan.RunCount} runs; use at most {plan.RunCount}"]);
        string folder = Path.GetFullPath(settings.Out ?? RunFolder.DefaultPath(RunFolder.DefaultRoot, scenario.Name, DateTime.Now));
        if (FolderProblem(folder) is { } bad) return terminal.BadInput([$"trustsim: {bad}"]);
        var tool = ToolCommand();
        if (tool.Select(part => SlurmScripts.LineProblem($"the tool's path {part}", part)).FirstOrDefault(x => x is not null) is { } badTool)
            return terminal.BadInput([$"trustsim: {badTool}; run trustsim from a path without one"]);
        var claimed = OutputFolder.Claim(new OutputRequest(folder, OutputKind.Slurm, settings.Force, OutputMode.InPlace, [settings.Scenario],
            LockHolder.ThisProcess(DateTime.UtcNow, RunEnvironment.CommandLine(context.Arguments))));
        if (!claimed.Ok) return terminal.BadInput(claimed.Problems);
        using var output = claimed.Value;

        var job = new SlurmJob(folder, scenario.Name, shards, tool, Directives(settings));
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, SlurmScripts.LogsFolder));
            Directory.CreateDirectory(Path.Combine(folder, SlurmScripts.ShardsFolder));
            AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.ScenarioFile), ScenarioWriter.ToYaml(scenario).ReplaceLineEndings("\n"));
            WriteScript(folder, SlurmScripts.ShardScript, SlurmScripts.Shard(job));
            WriteScript(folder, SlurmScripts.MergeScript, SlurmScripts.Merge(job));
            WriteScript(folder, SlurmScripts.SubmitScript, SlurmScripts.Submit(job));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return terminal.BadInput([$"trustsim: {folder}: cannot write the job scripts: {e.Message}"]);
        }

        terminal.Out.Print(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: {plan.RunCount:N0} runs in {shards} shards of {plan.RunCount / shards:N0}-{(plan.RunCount + shards - 1) / shards:N0} runs; " +
            $"scripts in {folder} ({SlurmScripts.ShardScript}, {SlurmScripts.MergeScript}, {SlurmScripts.SubmitScript})"));
        terminal.Out.Print($"Shards go to {Path.Combine(folder, SlurmScripts.ShardsFolder)}, logs to {Path.Combine(folder, SlurmScripts.LogsFolder)}, the merged sweep to {Path.Combine(folder, SlurmScripts.MergedFolder)}.");
        terminal.Out.Print("Submit with:");
        terminal.Out.Print($"  bash {SlurmScripts.Quote(Path.Combine(folder, SlurmScripts.SubmitScript))}");
        return ExitCode.Done;
    }

    /// <summary>#SBATCH options from the flags, in a fixed order.</summary>
    internal static IReadOnlyList<string> Directives(Settings settings)
    {
        var lines = new List<string>();
        if (settings.Partition is { } p) lines.Add($"--partition={p}");
        if (settings.Account is { } a) lines.Add($"--account={a}");
        if (settings.Time is { } t) lines.Add($"--time={t}");
        if (settings.Cpus is { } c) lines.Add(string.Create(CultureInfo.InvariantCulture, $"--cpus-per-task={c}"));
        if (settings.Mem is { } m) lines.Add($"--mem={m}");
        lines.AddRange(settings.Sbatch.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()));
        return lines;
    }

    /// <summary>
    /// Why the absolute cluster folder cannot go into the scripts (its path comes from --out, or from the
    /// current folder when --out is not given); null when it can.
    /// </summary>
    internal static string? FolderProblem(string folder) =>
        SlurmScripts.LineProblem("--out", folder)
        ?? (folder.Contains('\\', StringComparison.Ordinal) && !OperatingSystem.IsWindows()
            ? $"--out: {folder} contains a backslash, which turns off %A/%a/%j in Slurm's log file names; use a folder without one"
            : null);

    /// <summary>
    /// How this process was started, as absolute paths a node can run: a published or apphost
    /// executable named trustsim, or otherwise the dotnet host and this assembly.
    /// </summary>
    internal static IReadOnlyList<string> ToolCommand()
    {
        string? process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "trustsim") return [process];
        // Not Assembly.Location, which a single-file build leaves empty (that build is caught above,
        // by its process name, but the compiler cannot know it).
        string dll = Path.Combine(AppContext.BaseDirectory, "trustsim.dll");
        string dotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? process
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return [dotnet, dll];
    }

    private static void WriteScript(string folder, string name, string text)
    {
        string path = Path.Combine(folder, name);
        AtomicFile.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
