namespace TrustSim.Scenarios;

/// <summary>
/// Checks of what the posterior method adds to <c>calibrate:</c>: each parameter's prior has the numbers
/// its family needs and they fit the parameter's range, a posterior has continuous parameters and
/// observations with a positive se, and each error scale's prior range is a range above zero.
/// </summary>
internal static class PriorChecks
{
    /// <summary>The prior of parameter <paramref name="p"/>, written at <paramref name="path"/>, whose bounds are known good.</summary>
    public static void CheckPrior(CalibrationParameter p, double min, double max, string path, ProblemSink sink)
    {
        var prior = p.Prior ?? new PriorSettings();
        var at = $"{path}.prior";
        string Range() => $"[{RangeText.Number(min)}, {RangeText.Number(max)}]";
        switch (p.PriorKind)
        {
            case PriorKind.LogUniform when min <= 0:
                sink.Report($"{at}: a log_uniform prior needs min > 0, got min {RangeText.Number(min)}", $"{at}.kind", $"{path}.min", at);
                break;
            case PriorKind.Normal:
                if (prior.Mean is not { } mean)
                    sink.Report($"{at}: a normal prior needs mean (within {Range()}) and sd", $"{at}.mean", at);
                else if (!(mean >= min && mean <= max))
                    sink.Report($"{at}.mean: {RangeText.Number(mean)} is outside the parameter's range {Range()}", $"{at}.mean", at);
                if (prior.Sd is not { } sd)
                    sink.Report($"{at}: a normal prior needs sd (> 0)", $"{at}.sd", at);
                else if (!(sd > 0))
                    sink.Report($"{at}.sd: must be above 0, got {RangeText.Number(sd)}", $"{at}.sd", at);
                break;
            case PriorKind.Beta:
                foreach (var (name, value) in new[] { ("a", prior.A), ("b", prior.B) })
                {
                    if (value is not { } shape)
                        sink.Report($"{at}: a beta prior needs a and b (both > 0)", $"{at}.{name}", at);
                    else if (!(shape > 0))
                        sink.Report($"{at}.{name}: must be above 0, got {RangeText.Number(shape)}", $"{at}.{name}", at);
                }
                break;
        }
        // A number the family does not use is a prior misread: say so rather than ignore it.
        var kind = SnakeCaseName(p.PriorKind);
        if (p.PriorKind != PriorKind.Normal && (prior.Mean is not null || prior.Sd is not null))
            sink.Report($"{at}: mean and sd belong to a normal prior, not {kind}", prior.Mean is not null ? $"{at}.mean" : $"{at}.sd", at);
        if (p.PriorKind != PriorKind.Beta && (prior.A is not null || prior.B is not null))
            sink.Report($"{at}: a and b belong to a beta prior, not {kind}", prior.A is not null ? $"{at}.a" : $"{at}.b", at);
    }

    /// <summary>What only the posterior needs: continuous parameters, and an se above zero where one is given.</summary>
    public static void CheckPosterior(CalibrationSettings calibrate, ProblemSink sink)
    {
        for (var i = 0; i < calibrate.Parameters.Count; i++)
        {
            if (calibrate.Parameters[i].Integer)
            {
                var path = $"calibrate.parameters.{i}";
                sink.Report($"{path}.integer: the posterior method samples continuous values; fit whole numbers with method: optimize",
                    $"{path}.integer", path);
            }
        }
        for (var i = 0; i < calibrate.Observed.Count; i++)
        {
            if (calibrate.Observed[i].Se is 0)
            {
                var path = $"calibrate.observed.{i}";
                sink.Report($"{path}.se: a standard error of 0 makes the likelihood infinite; give the se above 0, or leave it out to share a fitted sigma",
                    $"{path}.se", path);
            }
        }
    }

    /// <summary>The error scale's prior range for every metric observed without se: above zero, min below max.</summary>
    public static void CheckErrorScale(ErrorScaleSettings sigma, IEnumerable<Observation> observations, ProblemSink sink)
    {
        const string at = "calibrate.sigma";
        if (sigma.Min is { } low && !(low > 0))
        {
            sink.Report($"{at}.min: sigma's log-uniform prior needs min > 0, got {RangeText.Number(low)}", $"{at}.min", at);
            return;
        }
        if (sigma.Max is { } high && !(high > 0))
        {
            sink.Report($"{at}.max: sigma's log-uniform prior needs max > 0, got {RangeText.Number(high)}", $"{at}.max", at);
            return;
        }
        foreach (var group in observations.Where(o => o.Se is null).GroupBy(o => o.Metric, StringComparer.Ordinal))
        {
            var (min, max) = sigma.RangeFor(group.Select(o => o.Value));
            if (!(min < max))
            {
                sink.Report($"{at}: sigma's prior range for {group.Key} is [{RangeText.Number(min)}, {RangeText.Number(max)}] " +
                    "(ends left out are derived from the observed values); min must be less than max", sigma.Min is not null ? $"{at}.min" : $"{at}.max", at);
            }
        }
    }

    private static string SnakeCaseName(PriorKind kind) => Core.SnakeCase.From(kind.ToString());
}
