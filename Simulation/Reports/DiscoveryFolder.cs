using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustSim.Analysis.Discovery;
using TrustSim.Charts;
using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>
/// The files of a discovery folder: discovery.json (the boxes), trajectory.csv (every box of every search,
/// one row each) and, drawn from those two files alone so that <c>plot</c> redraws them byte for byte,
/// a trajectory chart per search and boxes.png.
/// </summary>
internal static class DiscoveryFolder
{
    public const string FileName = "discovery.json";
    public const string TrajectoryFile = "trajectory.csv";

    /// <summary>The columns every trajectory.csv starts with; each input's limits follow.</summary>
    public static IReadOnlyList<string> Header { get; } = ["search", "step", "stage", "cases", "of_interest", "coverage", "density", "mass", "restricted"];

    /// <summary>Writes discovery.json and trajectory.csv into <paramref name="folder"/>; returns the document and the trajectory's row count.</summary>
    public static (DiscoveryDocument Document, int TrajectoryRows) Write(string folder, DiscoveryRun run)
    {
        var document = DiscoveryText.Document(run);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(document, ManifestJson.Options) + "\n");
        var inputs = run.Prepared.Data.Inputs;
        var rows = run.Result.Rounds.SelectMany(r => r.Steps.Select(s => Row(r.Number, s, inputs))).ToList();
        CsvTable.Write(Path.Combine(folder, TrajectoryFile), TrajectoryHeader(inputs.Select(i => (i.Name, i.IsCategorical)).ToList()), rows);
        return (document, rows.Count);
    }

    /// <summary>The header of trajectory.csv: the fixed columns, then NAME_low and NAME_high for a numeric input, NAME_kept for a categorical one.</summary>
    public static IReadOnlyList<string> TrajectoryHeader(IReadOnlyList<(string Name, bool Categorical)> inputs) =>
        [.. Header, .. inputs.SelectMany(i => i.Categorical ? [$"{i.Name}_kept"] : new[] { $"{i.Name}_low", $"{i.Name}_high" })];

    private static IReadOnlyList<string> Row(int search, PrimStep step, IReadOnlyList<PrimInput> inputs)
    {
        var row = new List<string>
        {
            CsvText.Integer(search), CsvText.Integer(step.Step), CsvText.Enum(step.Stage), CsvText.Integer(step.Cases), CsvText.Integer(step.Interesting),
            CsvText.Number(step.Coverage), CsvText.Number(step.Density), CsvText.Number(step.Mass), CsvText.Integer(step.Restricted),
        };
        for (int j = 0; j < inputs.Count; j++)
        {
            if (inputs[j].IsCategorical) row.Add(string.Join("|", step.Box.KeptCategories(j).Select(c => inputs[j].Categories[c])));
            else row.AddRange([CsvText.Number(step.Box.Low(j)), CsvText.Number(step.Box.High(j))]);
        }
        return row;
    }

    /// <summary>
    /// The charts of the folder, from its files: discovery.json and trajectory.csv, checked against what
    /// manifest.json records (<paramref name="expected"/>). A file that does not agree is a <see cref="DataFileException"/>.
    /// </summary>
    public static IReadOnlyList<ChartJob> Jobs(string folder, DiscoveryManifest expected)
    {
        var document = ReadDocument(Path.Combine(folder, FileName), expected);
        var trajectory = ReadTrajectory(Path.Combine(folder, TrajectoryFile), expected, document.Inputs.Count);
        return DiscoveryCharts.Jobs(document, trajectory);
    }

    /// <summary>discovery.json back, with what the charts rely on checked.</summary>
    public static DiscoveryDocument ReadDocument(string path, DiscoveryManifest expected)
    {
        byte[] bytes = WholeFile.ReadAllBytes(path);
        WholeFile.RequireLineBreakAtEnd(path);
        DiscoveryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<DiscoveryDocument>(bytes, ManifestJson.Options);
        }
        catch (JsonException e)
        {
            throw new DataFileException($"{path}{(e.LineNumber is { } n ? $":{n + 1}" : "")}: not a discovery.json: {FirstSentence(e.Message)}", e);
        }
        if (document is null || document.Inputs is null || document.Boxes is null || document.Settings is null || document.Stopped is null
            || document.Name is null || document.Where is null || document.Cases is null || document.Source is null)
            throw new DataFileException($"{path}: not a discovery.json (a part is missing)");
        if (!document.Inputs.Select(i => i?.Name).SequenceEqual(expected.Inputs))
            throw new DataFileException($"{path}: its inputs differ from manifest.json's ({string.Join(", ", expected.Inputs)})");
        if (document.Boxes.Count != expected.Boxes)
            throw new DataFileException($"{path}: {document.Boxes.Count} boxes where manifest.json records {expected.Boxes}");
        foreach (var input in document.Inputs)
        {
            bool categorical = input.Kind == "categorical";
            if (categorical ? input.Categories is not { Count: > 0 } : input.Min is not { } min || input.Max is not { } max || !double.IsFinite(min) || !double.IsFinite(max) || min > max)
                throw new DataFileException($"{path}: input '{input.Name}' has no valid range or categories");
        }
        foreach (var box in document.Boxes)
        {
            if (box?.Limits is null || box.QuasiP is null || box.Dropped is null || box.Search < 1 || box.Search > expected.Searches)
                throw new DataFileException($"{path}: box {box?.Box} is incomplete");
            foreach (var (name, limits) in box.Limits)
            {
                int j = document.Inputs.ToList().FindIndex(i => i.Name == name);
                if (j < 0) throw new DataFileException($"{path}: box {box.Box} restricts '{name}', which is not an input");
                Limit(path, document.Inputs[j], limits, box.QuasiP.TryGetValue(name, out double p) ? p : double.NaN);
            }
        }
        return document;
    }

    /// <summary>A restriction as the chart takes it, from its JSON limits: two finite numbers in order, or categories of the input.</summary>
    public static BoxLimit Limit(string path, DiscoveryInput input, JsonNode? limits, double quasiP)
    {
        if (!(quasiP >= 0 && quasiP <= 1)) throw new DataFileException($"{path}: the restriction of '{input.Name}' has no quasi-p-value in [0, 1]");
        if (limits is not JsonArray array) throw new DataFileException($"{path}: the limits of '{input.Name}' are not a list");
        try
        {
            if (input.Kind == "categorical")
            {
                var kept = array.Select(v => input.Categories!.ToList().IndexOf(v!.GetValue<string>())).ToList();
                if (kept.Count == 0 || kept.Any(k => k < 0)) throw new DataFileException($"{path}: the limits of '{input.Name}' name a category it does not have");
                return new BoxLimit(double.NaN, double.NaN, kept, quasiP);
            }
            if (array.Count != 2) throw new DataFileException($"{path}: the limits of '{input.Name}' are not [low, high]");
            double low = array[0]!.GetValue<double>(), high = array[1]!.GetValue<double>();
            if (!double.IsFinite(low) || !double.IsFinite(high) || low > high) throw new DataFileException($"{path}: the limits of '{input.Name}' are not [low, high]");
            return new BoxLimit(low, high, [], quasiP);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new DataFileException($"{path}: the limits of '{input.Name}' are not [low, high] or a list of categories", e);
        }
    }

    /// <summary>trajectory.csv back: searches 1, 2... each with steps 0, 1, 2..., every share in [0, 1], as many rows as manifest.json records.</summary>
    public static IReadOnlyList<IReadOnlyList<(PrimStage Stage, int Cases, int OfInterest, double Coverage, double Density, int Restricted)>> ReadTrajectory(
        string path, DiscoveryManifest expected, int inputs)
    {
        var searches = new List<List<(PrimStage, int, int, double, double, int)>>();
        using var sheet = CsvSheet.Open(path, Header);
        int[] c = Header.Select(sheet.Column).ToArray();
        string[] stages = Enum.GetValues<PrimStage>().Select(CsvText.Enum).ToArray();
        long rows = 0;
        while (sheet.Next())
        {
            if (++rows > expected.TrajectoryRows) throw sheet.Problem($"more rows than the {expected.TrajectoryRows} in manifest.json");
            int search = sheet.Int(c[0], Math.Max(1, searches.Count), Math.Max(1, Math.Min(searches.Count + 1, expected.Searches)));
            if (search > searches.Count) searches.Add([]);
            var steps = searches[search - 1];
            sheet.Int(c[1], steps.Count, steps.Count);
            var stage = Enum.GetValues<PrimStage>()[Array.IndexOf(stages, sheet.Word(c[2], stages))];
            int cases = sheet.Int(c[3], 0, expected.Searched);
            int ofInterest = sheet.Int(c[4], 0, cases);
            steps.Add((stage, cases, ofInterest, Share(sheet, c[5]), Share(sheet, c[6]), sheet.Int(c[8], 0, inputs)));
            Share(sheet, c[7]);
        }
        if (rows != expected.TrajectoryRows || searches.Count != expected.Searches)
            throw sheet.FileProblem($"{rows} rows in {searches.Count} searches where manifest.json records {expected.TrajectoryRows} in {expected.Searches} (a truncated file?)");
        return searches;
    }

    private static double Share(CsvSheet sheet, int column)
    {
        double value = sheet.Number(column);
        return value is >= 0 and <= 1 ? value : throw sheet.Problem(column, $"{value.ToString("R", CultureInfo.InvariantCulture)} is not a share in [0, 1]");
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
