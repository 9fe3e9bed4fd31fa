using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// Spectre's parse errors in the tool's words: a near-miss verb or option gets a "did you mean", and a
/// value that does not convert names its option and the kind of value the option takes.
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>Each verb and the settings class that declares its options (the verbs TrustSimApp registers).</summary>
    public static IReadOnlyDictionary<string, Type> Verbs { get; } = new Dictionary<string, Type>
    {
        ["run"] = typeof(RunCommand.Settings),
        ["calibrate"] = typeof(CalibrateCommand.Settings),
        ["sweep"] = typeof(SweepCommand.Settings),
        ["merge"] = typeof(MergeCommand.Settings),
        ["slurm"] = typeof(SlurmCommand.Settings),
        ["compare"] = typeof(CompareCommand.Settings),
        ["discover"] = typeof(DiscoverCommand.Settings),
        ["plot"] = typeof(PlotCommand.Settings),
        ["report"] = typeof(ReportCommand.Settings),
        ["validate"] = typeof(ValidateCommand.Settings),
        ["schema"] = typeof(SchemaCommand.Settings),
        ["bench"] = typeof(BenchCommand.Settings),
    };

    public static string Explain(string message, IReadOnlyList<string> args)
    {
        if (UnknownCommand().Match(message) is { Success: true } verb)
            return $"{message.TrimEnd('.')}; {KeySuggester.Hint(verb.Groups[1].Value, Verbs.Keys.ToList(), "verbs")}";
        var settings = args.Count > 0 && Verbs.TryGetValue(args[0], out var type) ? type : null;
        if (settings is null) return message;
        var options = Options(settings);
        if (UnknownOption().Match(message) is { Success: true } option)
            return $"{message.TrimEnd('.')}; {KeySuggester.Hint(option.Groups[1].Value, options.Keys.ToList(), $"options of {args[0]}")}";
        if (FailedConversion().Match(message) is { Success: true } value)
        {
            // The option is the argument before the value that did not convert.
            var at = Enumerable.Range(1, args.Count - 1).FirstOrDefault(i => args[i] == value.Groups[1].Value && args[i - 1].StartsWith("--", StringComparison.Ordinal));
            if (at > 0 && options.TryGetValue(args[at - 1][2..], out var property))
                return $"{args[at - 1]}: '{value.Groups[1].Value}' is not {Kind(property.PropertyType)}";
        }
        return message;
    }

    /// <summary>Long option names (without --) of a settings class, each with its property.</summary>
    private static Dictionary<string, PropertyInfo> Options(Type settings) =>
        settings.GetProperties()
            .SelectMany(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.Select(n => (n, p)) ?? [])
            .ToDictionary(x => x.n, x => x.p);

    private static string Kind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(ulong) => "a whole number from 0 to 18446744073709551615",
        var t when t == typeof(int) => "a whole number",
        var t when t == typeof(long) => "a whole number",
        var t when t == typeof(double) => "a number",
        var t => $"a valid {t.Name.ToLowerInvariant()}",
    };

    [GeneratedRegex(@"^Unknown command '([^']*)'\.?$")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex(@"^Unknown option '([^']*)'\.?$")]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"^Failed to convert '([^']*)' to ")]
    private static partial Regex FailedConversion();
}
