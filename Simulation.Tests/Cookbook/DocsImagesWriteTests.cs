using System.Diagnostics;
using TrustSim.Tests.Charts;
using TrustSim.Tests.Cli;
using Xunit.Abstractions;

namespace TrustSim.Tests.Cookbook;

/// <summary>
/// Redraws every picture under docs/images/ by running its recipe's documented command in-process,
/// as written and at full size, into a temporary folder, and copying the chart over the picture.
/// Opt-in (<see cref="DocsImagesFactAttribute"/>): <c>TRUSTSIM_WRITE_DOCS_IMAGES=1 dotnet test -c Release
/// --filter FullyQualifiedName~DocsImages</c>.
/// </summary>
public sealed class DocsImagesWriteTests(ITestOutputHelper output)
{
    [DocsImagesFact]
    public void Recipes_RunAsDocumented_RedrawDocsImages()
    {
        var root = Paths.RepositoryRoot();
        foreach (var command in DocsImageRecipes.All.GroupBy(r => r.Command))
        {
            // Recipes that share a command share one run: the Cambridge Analytica run draws both of its pictures.
            using var temp = new TempFolder();
            var outFolder = temp.File("out");
            var clock = Stopwatch.StartNew();
            var folders = new Dictionary<string, string>();
            foreach (var (name, step) in command.First().Steps)
            {
                folders[name] = temp.File(name);
                var made = CliRunner.Run(step.Arguments(root, folders[name]));
                Assert.True(made.ExitCode == 0, $"{step.Command} exited {made.ExitCode}: {made.Error}");
            }
            var result = CliRunner.Run(command.First().Arguments(root, outFolder, folders));
            Assert.True(result.ExitCode == 0, $"{command.Key} exited {result.ExitCode}: {result.Error}");
            foreach (var recipe in command)
            {
                var chart = Path.Combine(outFolder, recipe.Chart);
                Assert.True(File.Exists(chart), $"{command.Key} drew no {recipe.Chart}");
                var png = File.ReadAllBytes(chart);
                var probe = new PngProbe(png);
                Assert.True(probe.DarkPixels(0, probe.Height) > 1_000, $"{recipe.Chart} of {command.Key} looks blank");
                var image = Path.Combine(DocPicture.ImagesFolder, recipe.Image);
                var same = File.Exists(image) && File.ReadAllBytes(image).AsSpan().SequenceEqual(png);
                File.WriteAllBytes(image, png);
                output.WriteLine($"docs/images/{recipe.Image} <- {recipe.Chart} of '{command.Key}' ({(same ? "unchanged" : "redrawn")})");
            }
            output.WriteLine($"  '{command.Key}' took {clock.Elapsed.TotalSeconds:F1} s");
        }
    }
}
