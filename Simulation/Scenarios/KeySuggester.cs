namespace TrustSim.Scenarios;

/// <summary>Finds the valid name a user most likely meant, for "did you mean" hints.</summary>
internal static class KeySuggester
{
    /// <summary>The nearest candidate within edit distance 2 (1 for short words), or null.</summary>
    public static string? Nearest(string written, IEnumerable<string> candidates)
    {
        // Writing salienceExponent or salience-exponent for salience_exponent is the same word.
        var squeezed = Squeeze(written);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Squeeze(candidate) == squeezed ? 0 : Distance(written.ToLowerInvariant(), candidate);
            if (distance >= bestDistance)
                continue;
            best = candidate;
            bestDistance = distance;
        }
        var limit = written.Length <= 4 ? 1 : 2;
        return bestDistance <= limit ? best : null;
    }

    /// <summary>"did you mean 'x'?" for a near miss, otherwise the list of valid names.</summary>
    public static string Hint(string written, IReadOnlyCollection<string> candidates, string listLabel = "valid keys")
    {
        var nearest = Nearest(written, candidates);
        if (nearest is not null)
            return $"did you mean '{nearest}'?";
        return candidates.Count == 0 ? "nothing is allowed here" : $"{listLabel}: " + string.Join(", ", candidates);
    }

    private static string Squeeze(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), since
    /// "scra" for "scar" is one slip of the fingers, not two.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
