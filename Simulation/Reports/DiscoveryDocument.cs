using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TrustSim.Reports;

/// <summary>
/// discovery.json: what a scenario discovery found, for people and scripts. Each box gives its limits per
/// restricted input (<c>{"input": [low, high]}</c>, or the categories kept), coverage, density, mass and
/// the quasi-p-value of each restriction. No clock time, so the same input gives the same file.
/// </summary>
/// <param name="Name">The sweep's scenario name or the CSV file's name, for titles.</param>
/// <param name="Source">The sweep folder or CSV file as given.</param>
/// <param name="Cases">What one case is: runs, points or rows.</param>
/// <param name="Where">The selection of the cases of interest.</param>
/// <param name="Searched">Cases searched.</param>
/// <param name="LeftOut">Cases of the source left out (a value missing, a failed run).</param>
/// <param name="OfInterest">Cases of interest among those searched.</param>
/// <param name="BaseDensity">Share of the searched cases that are of interest.</param>
internal sealed record DiscoveryDocument(string Name, string Source, string Cases, string Where, int Searched, int LeftOut, int OfInterest,
    double BaseDensity, DiscoverySettings Settings, IReadOnlyList<DiscoveryInput> Inputs, IReadOnlyList<DiscoveryBox> Boxes, DiscoveryStop Stopped);

/// <summary>The settings PRIM ran with.</summary>
/// <param name="Choice">"knee", or "density" when boxes were picked by <paramref name="Density"/>.</param>
internal sealed record DiscoverySettings(double PeelAlpha, double PasteAlpha, double MinMass, double Significance, string Choice, double? Density,
    int MaxBoxes, bool Prune);

/// <summary>An input PRIM could restrict: its full range, or its categories.</summary>
/// <param name="Kind">"numeric" or "categorical".</param>
internal sealed record DiscoveryInput(
    string Name,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Categories);

/// <summary>One box found.</summary>
/// <param name="Box">1 for the first box found, 2 for the next...</param>
/// <param name="Search">The search (trajectory.csv's search column) that found it.</param>
/// <param name="PickedStep">The peel step picked (trajectory.csv's step).</param>
/// <param name="FinalStep">The step the box ends as, after pasting and dropping restrictions.</param>
/// <param name="Limits">Each restricted input's limits [low, high], or the list of categories kept.</param>
/// <param name="QuasiP">Each restriction's quasi-p-value.</param>
/// <param name="Dropped">Restrictions the picked box had that were dropped as not significant, in the order dropped.</param>
internal sealed record DiscoveryBox(int Box, int Search, double Coverage, double Density, double Mass, int Cases, int OfInterest, int PickedStep,
    int FinalStep, IReadOnlyDictionary<string, JsonNode> Limits, IReadOnlyDictionary<string, double> QuasiP, IReadOnlyList<DroppedRestriction> Dropped);

/// <summary>A restriction dropped: its input, the limits it had and its quasi-p-value then.</summary>
internal sealed record DroppedRestriction(string Input, JsonNode Limits, double QuasiP);

/// <summary>Why covering stopped; and, when the last search's box was not kept, that search and the step it picked (-1: none).</summary>
internal sealed record DiscoveryStop(string Reason, int? Search, int? PickedStep, int? FinalStep);
