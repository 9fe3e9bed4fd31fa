using System.Globalization;
using System.Text.RegularExpressions;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// events.csv (and a calibration's fit-events.csv): one row per logged event, every value in a column of
/// its own type, so a reader filters shocks by type or mode switches by institution without parsing
/// text. A column that does not apply to an event's kind is empty. Folders written before the typed
/// columns (their header has <c>subject,detail</c>) are still read, by <see cref="ReadLegacy"/>.
/// </summary>
internal static partial class EventsCsv
{
    public const string FileName = "events.csv";

    /// <summary>Every column after replication, with how an event fills it.</summary>
    public static IReadOnlyList<(TableField Field, Func<EventRecord, string> Write)> Columns { get; } =
    [
        (RunCsv.Step, e => CsvText.Integer(e.Step)),
        (RunCsv.Date, e => CsvText.Date(e.Date)),
        (TableField.Choice<EventKind>("kind", "what happened: a reputation shock, a commitment, a data breach, an intervention, " +
            "an institution's mode switch, or a warning's end"), e => CsvText.Enum(e.Event.Kind)),
        (TableField.Choice<EventCause>("cause", "how it came about: the scenario's schedule, a random scandal, the news of a fine, " +
            "a breach drawn from the hazard, an institution's own choice, a ban on Full, a warning running out"), e => CsvText.Enum(e.Event.Cause)),
        (TableField.Choice<ShockType>("shock_type", "the shock's type (shocks, commitments; a breach is a hack)"), e => Word(e.Event.Shock)),
        (TableField.Choice<InterventionType>("intervention", "the intervention's type (interventions; warning for a warning's end)"),
            e => Word(e.Event.Intervention)),
        (TableField.Text("institution", "the institution that switched mode (mode switches)"), e => e.Event.Institution),
        (TableField.Choice<PartnershipMode>("from_mode", "the mode the institution left (mode switches)"), e => Word(e.Event.From)),
        (TableField.Choice<PartnershipMode>("to_mode", "the mode the institution entered (mode switches)"), e => Word(e.Event.To)),
        (TableField.Number("affected", "people whose data the shock or breach touched, where the scenario or the breach draw gives it", "people")
            with { Minimum = 0 }, e => CsvText.Number(e.Event.Figures.Affected)),
        (TableField.Bounded(TableField.Number("salience", "the shock's salience: its severity, or (affected / reach)^eps"), ValueDomain.UnitInterval),
            e => CsvText.Number(e.Event.Figures.Salience)),
        (TableField.Number("drop", "platform reputation lost to the shock", "share trusting"), e => CsvText.Number(e.Event.Figures.Drop)),
        (TableField.Number("rise", "platform reputation gained from the commitment", "share trusting"), e => CsvText.Number(e.Event.Figures.Rise)),
        (TableField.Number("safeguards_added", "rise of the platform's safeguards G (commitments, mandated safeguards)"),
            e => CsvText.Number(e.Event.Figures.SafeguardsAdded)),
        (TableField.Number("amount_usd", "the fine's amount", "US dollars"), e => CsvText.Number(e.Event.Figures.AmountUsd)),
        (TableField.Number("multiplier", "the warning's factor on the regulatory exposure of Full partnerships"), e => CsvText.Number(e.Event.Figures.Multiplier)),
        (TableField.Integer("duration", "how many steps the warning lasts", "steps"),
            e => e.Event.Figures.DurationSteps is { } d ? CsvText.Integer(d) : ""),
        (TableField.Text("label", "the scenario's label of a scheduled event (also on a fine's news and a warning's end); empty otherwise"),
            e => e.Event.Label),
    ];

    public static IReadOnlyList<TableField> Fields { get; } = [RunCsv.Replication, .. Columns.Select(c => c.Field)];

    public static IReadOnlyList<string> Header { get; } = Fields.Select(f => f.Name).ToArray();

    /// <summary>One row per logged event, replications in order, events in the engine's order within one.</summary>
    public static void Write(string path, IReadOnlyList<RunResult> results) => RunCsv.WriteItems(path, results, r => r.Events, Columns);

    private static string Word<T>(T? value) where T : struct, Enum => value is { } v ? CsvText.Enum(v) : "";

    /// <summary>
    /// The events of <paramref name="replications"/> replications, each at a step from 0 to <paramref name="lastStep"/>;
    /// every field checked as its column's type (a <see cref="DataFileException"/> naming the line otherwise).
    /// </summary>
    public static List<EventRecord>[] Read(string path, int replications, int lastStep)
    {
        var events = Enumerable.Range(0, replications).Select(_ => new List<EventRecord>()).ToArray();
        using var sheet = CsvSheet.Open(path, ["replication", "step", "date", "kind", "label"]);
        if (sheet.ColumnOrMissing("cause") < 0 && sheet.ColumnOrMissing("detail") >= 0)
        {
            ReadLegacy(sheet, events, lastStep);
            return events;
        }
        int[] c = Header.Select(sheet.Column).ToArray();
        while (sheet.Next())
        {
            int r = sheet.Int(c[0], 0, replications - 1);
            var figures = new EventFigures(sheet.NumberOrMissing(c[10]), sheet.NumberOrMissing(c[11]), sheet.NumberOrMissing(c[12]),
                sheet.NumberOrMissing(c[13]), sheet.NumberOrMissing(c[14]), sheet.NumberOrMissing(c[15]), sheet.NumberOrMissing(c[16]),
                sheet.Text(c[17]).Length == 0 ? null : sheet.Int(c[17], 0, int.MaxValue));
            var what = new WorldEvent(Choice<EventKind>(sheet, c[3]), Choice<EventCause>(sheet, c[4]), OptionalChoice<ShockType>(sheet, c[5]),
                OptionalChoice<InterventionType>(sheet, c[6]), sheet.Text(c[7]), OptionalChoice<PartnershipMode>(sheet, c[8]),
                OptionalChoice<PartnershipMode>(sheet, c[9]), figures == EventFigures.None ? EventFigures.None : figures, sheet.Text(c[18]));
            events[r].Add(new EventRecord(sheet.Int(c[1], 0, lastStep), sheet.Date(c[2]), what));
        }
        return events;
    }

    private static T Choice<T>(CsvSheet sheet, int column) where T : struct, Enum => Words<T>.ByName[sheet.Word(column, Words<T>.Names)];

    private static T? OptionalChoice<T>(CsvSheet sheet, int column) where T : struct, Enum =>
        sheet.Text(column).Length == 0 ? null : Choice<T>(sheet, column);

    /// <summary>An enum's values by the words CsvText writes for them.</summary>
    private static class Words<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => CsvText.Enum(v), StringComparer.Ordinal);
        public static readonly string[] Names = ByName.Keys.ToArray();
    }

    /// <summary>
    /// events.csv as trustsim wrote it before the typed columns: <c>kind,subject,detail,label</c>, where subject was the
    /// shock or intervention type or the institution, and detail a readable text ("affected=8.7E+07 salience=0.446
    /// drop=0.5191", "random scandal salience=...", "Full -> Limited (ban on Full)"). Read into the typed record, so
    /// <c>plot</c> and <c>compare</c> still take such folders; its figures had four significant digits.
    /// </summary>
    private static void ReadLegacy(CsvSheet sheet, List<EventRecord>[] events, int lastStep)
    {
        int replication = sheet.Column("replication"), step = sheet.Column("step"), date = sheet.Column("date"), kind = sheet.Column("kind");
        int subject = sheet.Column("subject"), detail = sheet.Column("detail"), label = sheet.Column("label");
        while (sheet.Next())
        {
            int r = sheet.Int(replication, 0, events.Length - 1);
            var k = Choice<EventKind>(sheet, kind);
            string what = sheet.Text(subject), text = sheet.Text(detail);
            var figures = LegacyFigures(text);
            WorldEvent e = k switch
            {
                EventKind.ModeSwitch when LegacySwitch().Match(text) is { Success: true } m => WorldEvent.ModeSwitch(what,
                    Enum.Parse<PartnershipMode>(m.Groups[1].Value), Enum.Parse<PartnershipMode>(m.Groups[2].Value),
                    m.Groups[3].Success ? EventCause.Ban : EventCause.Choice),
                EventKind.ModeSwitch => throw sheet.Problem(detail, $"'{text}' is not a mode switch (FROM -> TO)"),
                EventKind.Intervention or EventKind.WarningEnd => new WorldEvent(k, k == EventKind.WarningEnd ? EventCause.Expiry : EventCause.Scheduled,
                    null, Choice<InterventionType>(sheet, subject), "", null, null, figures, ""),
                _ => new WorldEvent(k, k == EventKind.Breach ? EventCause.Hazard
                        : text.StartsWith("random scandal", StringComparison.Ordinal) ? EventCause.Random
                        : text.StartsWith("news of the fine", StringComparison.Ordinal) ? EventCause.Fine : EventCause.Scheduled,
                    Choice<ShockType>(sheet, subject), null, "", null, null, figures, ""),
            };
            events[r].Add(new EventRecord(sheet.Int(step, 0, lastStep), sheet.Date(date), e with { Label = sheet.Text(label) }));
        }
    }

    /// <summary>The figures of an old detail text; a figure it lacks, or cannot be read, is left out (NaN).</summary>
    private static EventFigures LegacyFigures(string detail)
    {
        double Figure(string key) =>
            Regex.Match(detail, $@"(?:^|\s){Regex.Escape(key)}=(\S+)") is { Success: true } m ? Parsed(m.Groups[1].Value) : double.NaN;

        var warning = LegacyWarning().Match(detail);
        var figures = new EventFigures(Figure("affected"), Figure("salience"), Figure("drop"), Figure("rise"), Figure("safeguards+"),
            Figure("amount_usd"), warning.Success ? Parsed(warning.Groups[1].Value) : double.NaN,
            warning.Success && int.TryParse(warning.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int steps) ? steps : null);
        return figures == EventFigures.None ? EventFigures.None : figures;
    }

    private static double Parsed(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) ? x : double.NaN;

    [GeneratedRegex(@"^(None|Limited|Full) -> (None|Limited|Full)( \(ban on Full\))?$")]
    private static partial Regex LegacySwitch();

    [GeneratedRegex(@"^regulatory exposure x(\S+) for (\d+) steps$")]
    private static partial Regex LegacyWarning();
}
