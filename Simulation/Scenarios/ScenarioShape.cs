using System.Collections.Concurrent;
using System.Reflection;
using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>
/// What the scenario records look like to the loader and writer, read once by reflection: which
/// types are sections (records), lists or weight tables, and which snake_case key sets which property.
/// </summary>
internal static class ScenarioShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ScenarioKey>> KeysCache = new();

    /// <summary>A section: a record of our own with init-only properties and a parameterless constructor.</summary>
    public static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(Scenario).Namespace
        && type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>The element type of an IReadOnlyList&lt;T&gt; property, or null.</summary>
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>True for IReadOnlyDictionary&lt;TEnum, double&gt;-like tables keyed by an enum.</summary>
    public static bool IsTable(Type type, out Type keyType, out Type valueType)
    {
        var table = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>);
        keyType = table ? type.GetGenericArguments()[0] : typeof(void);
        valueType = table ? type.GetGenericArguments()[1] : typeof(void);
        return table && keyType.IsEnum;
    }

    /// <summary>The keys a record accepts, in declaration order (the order the writer uses).</summary>
    public static IReadOnlyList<ScenarioKey> KeysOf(Type recordType) => KeysCache.GetOrAdd(recordType, static type =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new ScenarioKey(SnakeCase.From(p.Name), p, p.GetCustomAttribute<ParameterAttribute>()))
            .ToList());

    public static ScenarioKey? Find(Type recordType, string key) => KeysOf(recordType).FirstOrDefault(k => k.Name == key);

    public static IReadOnlyList<string> KeyNames(Type recordType) => KeysOf(recordType).Select(k => k.Name).ToList();

    /// <summary>A new record holding the same values as <paramref name="source"/>, to build on.</summary>
    public static object CopyOf(Type recordType, object? source)
    {
        var copy = Activator.CreateInstance(recordType)!;
        if (source is null)
            return copy;
        foreach (var key in KeysOf(recordType))
            key.Property.SetValue(copy, key.Property.GetValue(source));
        return copy;
    }
}
