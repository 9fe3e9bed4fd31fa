namespace TrustSim.Reports.Html;

/// <summary>One line of provenance: a term and its value; <paramref name="Code"/> sets the value in a fixed-width font (hashes, commands).</summary>
internal sealed record ReportFact(string Term, string Value, bool Code = false);
