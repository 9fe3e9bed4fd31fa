namespace TrustSim.Tests.Cookbook;

/// <summary>
/// One picture that README.md or docs/ shows, and how it is made: the command the text around it
/// names, run as written, and the chart of its output folder that becomes the picture.
/// </summary>
/// <param name="Image">The picture's file name under docs/images/.</param>
/// <param name="Command">The command as the docs give it, scenario path relative to the repository root
/// (e.g. <c>trustsim run scenarios/cambridge-analytica.yaml</c>); only <c>--out</c> is added when it runs.</param>
/// <param name="Chart">The chart it copies, relative to the command's output folder (e.g. <c>charts/reputation.png</c>).</param>
/// <param name="Before">Commands whose output folders the command reads (a comparison of two sweeps), each with
/// the folder name the command uses for it: <c>("A", "trustsim sweep scenarios/x.yaml")</c> runs with <c>--out</c>
/// a folder that stands for the word <c>A</c> in <paramref name="Command"/>.</param>
internal sealed record DocsImageRecipe(string Image, string Command, string Chart, IReadOnlyList<(string Name, string Command)>? Before = null)
{
    /// <summary>The commands to run first, as recipes of their own (their Image and Chart unused).</summary>
    public IReadOnlyList<(string Name, DocsImageRecipe Recipe)> Steps =>
        (Before ?? []).Select(b => (b.Name, new DocsImageRecipe(Image, b.Command, Chart))).ToList();

    /// <summary>
    /// The command's words after <c>trustsim</c>: verb, scenario path, then the options as written. A word in double
    /// quotes keeps its spaces (<c>--where "final_banks_full &gt;= 0.5"</c> is two words), as a shell would split it.
    /// </summary>
    public IReadOnlyList<string> Words
    {
        get
        {
            var words = new List<string>();
            var word = new System.Text.StringBuilder();
            bool quoted = false, any = false;
            foreach (char c in Command + " ")
            {
                if (c == '"') (quoted, any) = (!quoted, true);
                else if (c == ' ' && !quoted)
                {
                    if (any) words.Add(word.ToString());
                    (word, any) = (new System.Text.StringBuilder(), false);
                }
                else (word, any) = (word.Append(c), true);
            }
            Assert.False(quoted, $"{Image}: a quote is never closed: {Command}");
            Assert.True(words.Count >= 3 && words[0] == "trustsim", $"{Image}: a recipe's command is 'trustsim VERB SCENARIO ...': {Command}");
            return words[1..];
        }
    }

    public string Verb => Words[0];

    /// <summary>The scenario file, relative to the repository root.</summary>
    public string Scenario => Words[1];

    /// <summary>The PATH=VALUE of each <c>--set</c> the command gives, in order.</summary>
    public IReadOnlyList<string> Overrides =>
        Words.Select((w, i) => (w, i)).Where(x => x.w == "--set" && x.i + 1 < Words.Count).Select(x => Words[x.i + 1]).ToList();

    /// <summary>The arguments for <c>TrustSimApp.Run</c>: the command with full scenario paths (compare takes two), written to <paramref name="outFolder"/>.</summary>
    /// <param name="folders">Where each of <see cref="Before"/>'s outputs was written, by name.</param>
    public string[] Arguments(string repositoryRoot, string outFolder, IReadOnlyDictionary<string, string>? folders = null) =>
        [Verb, .. Words.Skip(1).Select(w => w.StartsWith("scenarios/", StringComparison.Ordinal) ? Path.Combine(repositoryRoot, w)
            : folders is not null && folders.TryGetValue(w, out var folder) ? folder : w),
         "--out", outFolder];
}
