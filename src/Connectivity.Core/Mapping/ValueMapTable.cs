using System.Text.Json;
using Ardalis.GuardClauses;

namespace Connectivity.Mapping;

/// <summary>A lookup table from source values to target values (a picklist to a code), shared by name across maps.</summary>
public sealed record ValueMapTable
{
    /// <summary>Initializes a new instance of the <see cref="ValueMapTable"/> class.</summary>
    /// <param name="name">The name maps refer to it by.</param>
    /// <param name="entries">Source value (as text) to target value.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    public ValueMapTable(string name, IReadOnlyDictionary<string, JsonElement> entries)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        Entries = Guard.Against.Null(entries);
    }

    /// <summary>Gets the name maps refer to the table by.</summary>
    public string Name { get; }

    /// <summary>Gets the entries: source value as text to target value.</summary>
    public IReadOnlyDictionary<string, JsonElement> Entries { get; }

    /// <summary>Gets whether source values are compared ignoring case.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Gets the value produced for a source value with no entry, when <see cref="OnUnknown"/> is <see cref="UnknownValueHandling.UseDefault"/>.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>Gets what happens to a source value with no entry.</summary>
    public UnknownValueHandling OnUnknown { get; init; } = UnknownValueHandling.Error;

    /// <summary>Creates a table of string-to-string entries.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="entries">Source value to target value.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    public static ValueMapTable FromStrings(string name, IEnumerable<KeyValuePair<string, string>> entries)
        => new(name, Guard.Against.Null(entries).ToDictionary(static e => e.Key, static e => JsonSerializer.SerializeToElement(e.Value, Internal.MapJsonContext.Default.String)));
}
