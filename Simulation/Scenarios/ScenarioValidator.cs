using System.Text.RegularExpressions;
using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>
/// Checks that involve more than one value, made on the mapped records (single values were
/// range-checked against their [Parameter] while mapping).
/// </summary>
internal static partial class ScenarioValidator
{
    public static void Validate(Scenario scenario, ProblemSink sink)
    {
        CheckName(scenario, sink);
        CheckPlatform(scenario.Platform, sink);
        CheckUsers(scenario.Users, sink);
        CheckModes(scenario.Modes, sink);
        CheckInstitutions(scenario.Institutions, sink);
        CheckMix(scenario.Scandals, sink);
        DistributionChecks.Check(scenario, sink);
        ScheduleValidator.Check(scenario, sink);
        CalibrationValidator.Check(scenario, sink);
        SweepChecks.Check(scenario, sink);
    }

    // The name becomes a folder under output/, so it must not be able to climb out of it.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SafeName();

    private static void CheckName(Scenario scenario, ProblemSink sink)
    {
        if (!SafeName().IsMatch(scenario.Name))
            sink.Report($"name '{scenario.Name}' must be 1 to 100 letters, digits, '-' or '_' (it names the output folder)", "name");
    }

    private static void CheckPlatform(PlatformSettings platform, ProblemSink sink)
    {
        if (platform.FastShare + platform.Scar > 1)
            sink.Report($"platform.fast_share + platform.scar = {RangeText.Number(platform.FastShare + platform.Scar)} exceeds 1 (a drop cannot be split into more than all of it)",
                "platform.scar", "platform.fast_share");
        var breaches = platform.Breaches;
        if (breaches.MinAffected > breaches.MaxAffected)
            sink.Report($"platform.breaches.min_affected ({RangeText.Number(breaches.MinAffected)}) is larger than max_affected ({RangeText.Number(breaches.MaxAffected)})",
                "platform.breaches.min_affected", "platform.breaches.max_affected");
        // Breach sizes are drawn log-uniformly between the two, so they share the distributions' bound.
        else if (breaches.MaxAffected > DistributionChecks.MaxMagnitude)
            sink.Report($"platform.breaches.max_affected = {RangeText.Number(breaches.MaxAffected)} is too large: breach sizes are drawn log-uniformly and must lie within " +
                $"{RangeText.Number(DistributionChecks.MaxMagnitude)} so that every draw is a finite number", "platform.breaches.max_affected");
    }

    private static void CheckUsers(UserSettings users, ProblemSink sink)
    {
        var degree = users.Network.Degree;
        if (degree % 2 != 0)
            sink.Report($"users.network.degree must be even (each user links to degree/2 neighbours on either side), got {degree}", "users.network.degree");
        // The network is only built under network influence; a tiny test run may keep the default degree.
        if (users.Influence == InfluenceKind.Network && degree >= users.Count)
            sink.Report($"users.network.degree ({degree}) must be less than users.count ({users.Count})", "users.network.degree", "users.count", "users.influence");
    }

    private static void CheckModes(ModeSettings modes, ProblemSink sink)
    {
        for (var i = 0; i < modes.Offered.Count; i++)
        {
            var mode = modes.Offered[i];
            if (mode == PartnershipMode.None)
                sink.Report("modes.offered lists the modes besides none; remove 'none'", $"modes.offered.{i}", "modes.offered");
            else if (modes.Offered.Take(i).Contains(mode))
                sink.Report($"modes.offered lists '{SnakeCase.EnumName(mode)}' twice", $"modes.offered.{i}", "modes.offered");
        }
    }

    private static void CheckInstitutions(InstitutionSettings institutions, ProblemSink sink)
    {
        var generated = institutions.Generated;
        if (generated.Banks + generated.Payments + institutions.Named.Count == 0)
            sink.Report("the scenario has no institutions: give institutions.generated.banks, .payments or institutions.named",
                "institutions.generated.banks", "institutions.generated.payments", "institutions.named");
        CheckPaymentRanks(generated, sink);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < institutions.Named.Count; i++)
        {
            var name = institutions.Named[i].Name;
            var path = $"institutions.named.{i}";
            if (string.IsNullOrWhiteSpace(name))
                sink.Report("a named institution needs a name", $"{path}.name", path);
            else if (!seen.Add(name))
                sink.Report($"institution name '{name}' is used twice; names must be unique", $"{path}.name", path);
        }
    }

    private static void CheckPaymentRanks(GeneratedInstitutions generated, ProblemSink sink)
    {
        var ranks = generated.PaymentRanks;
        if (ranks.Count == 0)
            return;
        const string path = "institutions.generated.payment_ranks";
        var total = generated.Banks + generated.Payments;
        if (ranks.Count != generated.Payments)
            sink.Report($"{path} lists {ranks.Count} ranks but there are {generated.Payments} payment firms", path, "institutions.generated.payments");
        for (var i = 0; i < ranks.Count; i++)
        {
            if (ranks[i] < 1 || ranks[i] > total)
                sink.Report($"{path}: rank {ranks[i]} is outside 1..{total} (banks + payments)", $"{path}.{i}", path);
            else if (ranks.Take(i).Contains(ranks[i]))
                sink.Report($"{path}: rank {ranks[i]} is listed twice", $"{path}.{i}", path);
        }
    }

    private static void CheckMix(ScandalSettings scandals, ProblemSink sink)
    {
        foreach (var (type, weight) in scandals.Mix)
        {
            if (weight < 0)
                sink.Report($"scandals.mix.{SnakeCase.EnumName(type)} = {RangeText.Number(weight)} is negative; weights must be 0 or more",
                    $"scandals.mix.{SnakeCase.EnumName(type)}");
        }
        // A random scandal is always bad news; commitments are scheduled, never drawn.
        if (scandals.Mix.ContainsKey(ShockType.Commitment))
            sink.Report("scandals.mix.commitment: a commitment is good news, not a scandal; schedule it under shocks instead",
                "scandals.mix.commitment");
        if (scandals.Mix.Values.All(w => w >= 0) && scandals.Mix.Values.Sum() <= 0)
            sink.Report("scandals.mix needs at least one positive weight", "scandals.mix");
    }
}
