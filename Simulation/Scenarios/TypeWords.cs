using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>Names a property type the way a scenario author thinks of it ("a number", "a list").</summary>
internal static class TypeWords
{
    public static string Describe(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        var optional = bare != type ? " (or nothing)" : "";
        if (bare == typeof(double))
            return "a number" + optional;
        if (bare == typeof(int) || bare == typeof(long) || bare == typeof(ulong))
            return "a whole number" + optional;
        if (bare == typeof(string))
            return "text";
        if (bare == typeof(bool))
            return "true or false";
        if (bare == typeof(DateOnly))
            return "a date like 2018-03-17" + optional;
        if (bare.IsEnum)
            return "one of " + string.Join(", ", SnakeCase.EnumNames(bare)) + optional;
        if (ScenarioShape.ListElement(bare) is { } element)
            return "a list of " + Plural(element);
        if (ScenarioShape.IsTable(bare, out var key, out _))
            return "a mapping from " + string.Join("/", SnakeCase.EnumNames(key)) + " to numbers";
        return bare == typeof(Distribution) ? "a distribution (a mapping with kind: ...)" : "a mapping of keys";
    }

    private static string Plural(Type element) =>
        element == typeof(double) ? "numbers"
        : element == typeof(int) ? "whole numbers"
        : element.IsEnum ? string.Join("/", SnakeCase.EnumNames(element)) + " values"
        : "mappings";
}
