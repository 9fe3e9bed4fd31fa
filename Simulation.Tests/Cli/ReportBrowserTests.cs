
namespace TrustSim.Tests.Cli;

/// <summary>
/// The report.html of every kind of folder, made by the CLI, opened in a real headless Chromium at a laptop's
/// size (1366 x 900): it loads with no console error and fetches nothing, every chart decodes and takes up
/// space on the page, the page does not scroll sideways, and a screenshot shows something. A run whose scenario
/// carries markup in its description, a label and an institution's name (<see cref="InjectedRun"/>) gets a page
/// with no script and no image but its charts. Set
/// TRUSTSIM_REPORT_SCREENSHOTS=DIR to keep a screenshot of each page there, and the whole page in slices, to look at.
/// </summary>
[Collection(OutputFoldersCollection.Name)]
public sealed class ReportBrowserTests(OutputFolders folders)
{
    private const int Width = 1366;
    private const int Height = 900;

    /// <summary>Each chart image's decode outcome and box, and the page's widths, read in the page.</summary>
    private const string Measure = """
        (async () => {
          const images = [...document.querySelectorAll('figure img')];
          const decoded = await Promise.all(images.map(i => i.decode().then(() => true, () => false)));
          return {
            figures: document.querySelectorAll('figure').length,
            charts: images.map((i, k) => {
              const box = i.getBoundingClientRect();
              return { alt: i.alt, decoded: decoded[k], naturalWidth: i.naturalWidth, width: box.width, height: box.height };
            }),
            missing: document.querySelectorAll('.missing').length,
            tables: document.querySelectorAll('table').length,
            scripts: document.scripts.length,
            strayImages: document.querySelectorAll('img:not(figure > img)').length,
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          };
        })()
        """;

    [ChromiumFact]
    public void Report_EveryFolderKindInHeadlessChromium_LoadsCleanlyAndDrawsEveryChart()
    {
        string? keep = Environment.GetEnvironmentVariable("TRUSTSIM_REPORT_SCREENSHOTS");
        using var browser = HeadlessChromium.Start();
        foreach (var (kind, folder) in new[]
                 {
                     ("run", folders.Run), ("sweep", folders.Sweep), ("comparison", folders.Comparison), ("calibration", folders.Calibration), ("posterior", folders.Posterior),
                     ("threshold", folders.Threshold), ("injected", InjectedRun.Make()),
                 })
        {
            string page = Path.Combine(folder, "report.html");
            var load = browser.Open(page, Width, Height);

            Assert.True(load.Problems.Count == 0, $"{kind}: the console reported:\n{string.Join("\n", load.Problems)}");
            var elsewhere = load.Requests.Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
            Assert.True(elsewhere.Count == 0, $"{kind}: the page fetched {string.Join(", ", elsewhere)}");

            var measured = browser.Evaluate(Measure)!;
            var charts = measured["charts"]!.AsArray().Select(c => c!).ToList();
            int pngs = Directory.GetFiles(Path.Combine(folder, "charts"), "*.png").Length;
            Assert.Equal(pngs, measured["figures"]!.GetValue<int>());
            Assert.Equal(pngs, charts.Count);
            Assert.Equal(0, measured["missing"]!.GetValue<int>());
            foreach (var chart in charts)
            {
                string name = chart["alt"]!.GetValue<string>();
                Assert.True(chart["decoded"]!.GetValue<bool>(), $"{kind}: chart '{name}' did not decode");
                Assert.True(chart["naturalWidth"]!.GetValue<double>() > 0, $"{kind}: chart '{name}' has no size of its own");
                Assert.True(chart["width"]!.GetValue<double>() >= 600 && chart["height"]!.GetValue<double>() >= 300,
                    $"{kind}: chart '{name}' is laid out at {chart["width"]} x {chart["height"]} px");
            }
            Assert.True(measured["tables"]!.GetValue<int>() >= 1, $"{kind}: no table on the page");
            Assert.Equal(0, measured["scripts"]!.GetValue<int>());
            Assert.Equal(0, measured["strayImages"]!.GetValue<int>());
            Assert.True(measured["scrollWidth"]!.GetValue<int>() <= measured["clientWidth"]!.GetValue<int>(),
                $"{kind}: the page is {measured["scrollWidth"]} px wide in a {Width} px window: it scrolls sideways");

            byte[] screenshot = browser.Screenshot();
            Assert.True(screenshot.Length > 10_000, $"{kind}: the screenshot is {screenshot.Length} bytes");
            Assert.Equal("\u0089PNG", System.Text.Encoding.Latin1.GetString(screenshot, 0, 4));
            if (keep is { Length: > 0 })
            {
                Directory.CreateDirectory(keep);
                File.WriteAllBytes(Path.Combine(keep, $"{kind}.png"), screenshot);
                var slices = browser.PageSlices(Height * 3 / 2);
                for (int i = 0; i < slices.Count; i++) File.WriteAllBytes(Path.Combine(keep, $"{kind}-page-{i + 1}.png"), slices[i]);
            }
        }
    }
}
