using TrustSim.Scenarios;

namespace TrustSim.Tests.Cookbook;

/// <summary>
/// The docs' pictures and the cookbook agree: every picture README.md and docs/ show is under
/// docs/images/ and is drawn by a recipe of <see cref="DocsImageRecipes"/> from the command the page
/// names, so none of them is made by hand and none can go stale unnoticed. Cheap: reads files only.
/// The recipes themselves run in <see cref="DocsImagesWriteTests"/>, on request.
/// </summary>
public sealed class DocsImagesTests
{
    [Fact]
    public void Docs_EveryPictureShown_IsUnderDocsImagesAndHasARecipe()
    {
        var pictures = DocPicture.All();
        Assert.NotEmpty(pictures);
        var offenders = new List<string>();
        foreach (var p in pictures)
        {
            if (Path.GetDirectoryName(p.File) != DocPicture.ImagesFolder)
                offenders.Add($"{p}: not under docs/images/");
            else if (!File.Exists(p.File))
                offenders.Add($"{p}: no such file");
            else if (DocsImageRecipes.For(Path.GetFileName(p.File)) is null)
                offenders.Add($"{p}: no recipe in Simulation.Tests/Cookbook/DocsImageRecipes.cs says how it is made");
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Recipes_EveryRecipe_DrawsAPictureTheDocsShow()
    {
        var shown = DocPicture.All().Select(p => Path.GetFileName(p.File)).ToHashSet();
        Assert.All(DocsImageRecipes.All, r => Assert.Contains(r.Image, shown));
        Assert.Equal(DocsImageRecipes.All.Count, DocsImageRecipes.All.Select(r => r.Image).Distinct().Count());
    }

    [Fact]
    public void DocsImages_EveryFile_HasARecipe()
    {
        // A picture left in docs/images/ without a recipe would be one made by hand, waiting to be shown again.
        var files = Directory.EnumerateFiles(DocPicture.ImagesFolder).Select(Path.GetFileName).Order().ToList();
        Assert.All(files, f => Assert.True(DocsImageRecipes.For(f!) is not null, $"docs/images/{f} has no recipe"));
    }

    [Fact]
    public void Recipes_EveryCommand_IsTheOneThePageShowingItsPictureNames()
    {
        // The page that shows a picture says which command made it: "run scenarios/x.yaml" (with or without
        // the "trustsim" or "dotnet run ... --" in front) and each --set it was given.
        var offenders = new List<string>();
        foreach (var group in DocPicture.All().GroupBy(p => (p.Doc, Image: Path.GetFileName(p.File))))
        {
            if (DocsImageRecipes.For(group.Key.Image) is not { } recipe)
                continue; // the test above names it
            var text = File.ReadAllText(Path.Combine(Paths.RepositoryRoot(), group.Key.Doc));
            var named = recipe.Steps.Count == 0 ? [recipe] : recipe.Steps.Select(s => s.Recipe).ToList();
            var expected = named.SelectMany(r => new[] { $"{r.Verb} {r.Scenario}" }.Concat(r.Overrides.Select(o => $"--set {o}")))
                .Concat(recipe.Steps.Count == 0 ? [] : [recipe.Command["trustsim ".Length..]]);
            foreach (var words in expected)
            {
                if (!text.Contains(words, StringComparison.Ordinal))
                    offenders.Add($"{group.First()}: the page does not name '{words}' of the recipe '{recipe.Command}'");
            }
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Recipes_EveryCommand_LoadsItsShippedScenarioWithItsOverrides()
    {
        // A recipe that reads the folders of commands run before it is checked through those commands.
        Assert.All(DocsImageRecipes.All.SelectMany(r => r.Steps.Count == 0 ? [r] : r.Steps.Select(s => s.Recipe)), r =>
        {
            Assert.Contains(r.Verb, new[] { "run", "sweep", "compare", "calibrate" });
            Assert.StartsWith("scenarios/", r.Scenario);
            var loaded = ScenarioLoader.Load(Path.Combine(Paths.RepositoryRoot(), r.Scenario), r.Overrides);
            Assert.True(loaded.Succeeded, $"{r.Command}: {string.Join("\n", loaded.Problems)}");
            Assert.StartsWith("charts/", r.Chart);
        });
    }
}
