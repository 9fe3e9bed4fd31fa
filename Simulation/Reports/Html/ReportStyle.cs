using System.Security.Cryptography;
using System.Text;

namespace TrustSim.Reports.Html;

/// <summary>
/// The page's style sheet and its content security policy. The page loads nothing (fonts are the
/// reader's own sans-serif, charts are data: images), so the policy forbids every fetch and every
/// script, and allows only this style sheet (by its hash) and data: images: even text that slipped past
/// escaping could not run or call out.
/// </summary>
internal static class ReportStyle
{
    /// <summary>Laid out for a laptop (content at most 1120 px wide); wide tables and long files scroll inside their own boxes.</summary>
    public const string Css = """
:root { color-scheme: light; --ink: #1d232b; --muted: #56606b; --line: #d9dee4; --page: #f4f6f8; --accent: #0b5fa5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
a { color: var(--accent); }
header.page { background: #fff; border-bottom: 1px solid var(--line); }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header.page .wrap { padding-top: 20px; padding-bottom: 14px; }
.kind { margin: 0; color: var(--muted); font-size: 0.9rem; letter-spacing: 0.04em; text-transform: uppercase; }
h1 { margin: 2px 0 6px; font-size: 1.75rem; line-height: 1.25; overflow-wrap: anywhere; }
h2 { margin: 0 0 12px; font-size: 1.3rem; }
h3 { margin: 20px 0 8px; font-size: 1.05rem; }
.lead { margin: 0 0 8px; max-width: 60rem; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 8px; margin: 0; color: #3b444e; font-size: 0.92rem; }
.facts span { padding: 1px 10px; border-radius: 11px; background: #eef1f4; white-space: nowrap; }
.facts span.status { font-weight: 600; background: #e3f4e8; color: #1d6b34; }
.facts span.status.failed, .facts span.status.interrupted, .facts span.status.running { background: #fdecea; color: #a1271b; }
nav.contents { margin-top: 10px; font-size: 0.95rem; }
nav.contents a { margin-right: 16px; white-space: nowrap; }
main { padding-bottom: 32px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 18px 24px; margin: 20px 0; }
section.warnings { background: #fff8e5; border-color: #e8c66a; border-left: 5px solid #c98f00; }
section.warnings ul, section.notes ul { margin: 0; padding-left: 20px; }
section.warnings li, section.notes li { margin: 4px 0; overflow-wrap: anywhere; }
section.warnings details { margin-top: 6px; }
section.warnings summary { cursor: pointer; color: #6b4c00; font-weight: 600; }
p.note { margin: 0 0 10px; color: var(--muted); font-size: 0.92rem; }
.table-box { width: fit-content; max-width: 100%; overflow: auto; max-height: 30rem; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 12px; border-bottom: 1px solid #e8ebef; text-align: left; vertical-align: top; }
td { white-space: nowrap; }
td.prose { white-space: normal; min-width: 14rem; max-width: 28rem; }
th { position: sticky; top: 0; z-index: 1; background: #eef1f4; font-weight: 600; white-space: normal; min-width: 3rem; }
td.num, th.num { text-align: right; }
thead th { vertical-align: bottom; }
tbody tr:nth-child(even) td { background: #fafbfc; }
tr.group th { position: static; background: #f7f3e8; color: var(--ink); text-align: left; border-top: 2px solid var(--line); }
ol.chart-index { columns: 2 22rem; margin: 0 0 16px; padding-left: 24px; font-size: 0.92rem; }
ol.chart-index li { overflow-wrap: anywhere; }
figure { margin: 0 0 28px; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e6e9ed; background: #fff; }
figcaption { margin-top: 6px; color: var(--muted); font-size: 0.92rem; }
figcaption code { display: inline-block; max-width: 100%; color: var(--ink); overflow-wrap: anywhere; }
.missing { display: flex; align-items: center; justify-content: center; max-width: 100%; padding: 24px; border: 2px dashed #c98f00; background: #fffaf0; color: #6b4c00; text-align: center; }
pre { margin: 0; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 34rem; padding: 12px 14px; background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
dl.provenance { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 20px; margin: 0; }
dl.provenance dt { color: var(--muted); }
dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: 0.85rem; }
@media (max-width: 720px) { dl.provenance { grid-template-columns: minmax(0, 1fr); } dl.provenance dd { margin-bottom: 8px; } .wrap { padding: 0 12px; } .facts span { white-space: normal; } section { padding: 14px; } }
@media print { body { background: #fff; } section { border: none; padding: 0; } .table-box, pre { max-height: none; overflow: visible; } figure { break-inside: avoid; } th { position: static; } nav.contents { display: none; } }
""";

    /// <summary>The page's content security policy: nothing but this style sheet and data: images.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src data:; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; " +
        "base-uri 'none'; form-action 'none'";
}
