namespace TrustSim.Reports.Html;

/// <summary>A text file of the folder shown whole on the page (the resolved scenario).</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="FileName">The file's name in the folder.</param>
/// <param name="Text">Its text.</param>
/// <param name="Note">What the file is for, or null.</param>
internal sealed record ReportText(string Heading, string FileName, string Text, string? Note);
