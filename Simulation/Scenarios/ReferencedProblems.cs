using System.Text.RegularExpressions;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Keeps problems found inside a file that a scenario names from echoing that file. A scenario may
/// name any readable file (<c>extends: /etc/shadow</c>), and a file that is not a scenario gives a
/// problem quoting each of its lines. So each problem located in a named file says which scenario
/// line pointed there, each quotation from it is cut to <see cref="ExcerptChars"/> characters, and
/// once <see cref="QuotedCharsPerFile"/> characters of one file have been quoted, later quotations
/// of it are shown as <c>'...'</c>: every problem is still listed with its line and column, so a
/// real base scenario or observations file can be fixed in one pass, except that a run of problems
/// alike but for their hidden quotations is counted instead of listed. The scenario file itself
/// (named on the command line) and <c>--set</c> are quoted whole.
/// </summary>
internal static partial class ReferencedProblems
{
    /// <summary>Longest quotation of a named file's text in one message, characters.</summary>
    public const int ExcerptChars = 40;

    /// <summary>Characters quoted from one named file over all its problems: about two excerpts.</summary>
    public const int QuotedCharsPerFile = 80;

    /// <summary>Longest message about a named file, characters (a message may quote without quote marks).</summary>
    public const int MessageChars = 300;

    /// <summary>What an excerpt left out for want of budget is shown as.</summary>
    public const string Elided = "...";

    /// <summary>
    /// <paramref name="problems"/>, in the same order, with those located in a referenced file cut down
    /// as above; a run of problems whose messages are the same once their quotations are left out
    /// (every line of a file that is not a scenario) is shown once and counted.
    /// </summary>
    public static List<ScenarioProblem> Limit(IReadOnlyList<ScenarioProblem> problems, IReadOnlyList<FileReference> references)
    {
        var byFile = new Dictionary<string, FileReference>(StringComparer.Ordinal);
        foreach (var reference in references)
            byFile.TryAdd(reference.File, reference);
        var budget = new Dictionary<string, int>(StringComparer.Ordinal);
        var limited = new List<ScenarioProblem>(problems.Count);
        ScenarioProblem? previous = null, last = null;
        var repeats = 0;
        void Flush()
        {
            if (repeats > 0)
                limited.Add(last! with { Message = $"({byFile[last.File].Via}) ... the same at {repeats} more lines, the last at line {last.Line}" });
            repeats = 0;
        }
        foreach (var problem in problems)
        {
            if (!byFile.TryGetValue(problem.File, out var reference))
            {
                Flush();
                previous = null;
                limited.Add(problem);
                continue;
            }
            var left = budget.GetValueOrDefault(problem.File, QuotedCharsPerFile);
            var shortened = problem with { Message = $"({reference.Via}) {Shorten(problem.Message, ref left)}" };
            budget[problem.File] = left;
            if (previous is not null && previous.File == shortened.File && previous.Message == shortened.Message
                && shortened.Message.Contains($"'{Elided}'", StringComparison.Ordinal))
            {
                repeats++;
                last = shortened;
                continue;
            }
            Flush();
            limited.Add(shortened);
            previous = shortened;
        }
        Flush();
        return limited;
    }

    /// <summary>
    /// The message with each quotation cut to <see cref="ExcerptChars"/> and shown while
    /// <paramref name="budget"/> characters are left (then <c>'...'</c>), the whole cut at <see cref="MessageChars"/>.
    /// </summary>
    public static string Shorten(string message, ref int budget)
    {
        var left = budget;
        var cut = Quoted().Replace(message, m =>
        {
            var mark = m.Groups["mark"].Value;
            var inside = m.Groups["text"].Value;
            var length = Math.Min(inside.Length, ExcerptChars);
            if (length > left)
                return $"{mark}{Elided}{mark}";
            left -= length;
            return length == inside.Length ? m.Value : $"{mark}{inside[..length]}...{mark}";
        });
        budget = left;
        return cut.Length <= MessageChars ? cut : cut[..MessageChars] + "...";
    }

    [GeneratedRegex("""(?<mark>['"])(?<text>[^'"\n]*)\k<mark>""")]
    private static partial Regex Quoted();
}
