using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using Connectivity.Entities;

namespace Connectivity.Canonical;

/// <summary>
/// The eight canonical entities as an <see cref="IEntityCatalog"/>: their field paths (read from the
/// source-generated serialization metadata, so they follow the model), lifecycles and envelope fields.
/// </summary>
public sealed class CanonicalEntityCatalog : IEntityCatalog
{
    /// <summary>The top-level properties change detection skips: identity, links and timestamps are not business data.</summary>
    private static readonly string[] IgnoredFields = ["id", "externalReferences", "createdAt", "modifiedAt", "version"];

    private readonly FrozenDictionary<string, EntityDescriptor> _byName;

    private CanonicalEntityCatalog()
    {
        var descriptors = CanonicalModel.EntityTypes
            .Select(static t => new EntityDescriptor(t.Name, FieldPathsOf(t.JsonTypeInfo), t.Lifecycle, "stage", "version", "modifiedAt", IgnoredFields))
            .ToList();
        Entities = descriptors.AsReadOnly();
        _byName = descriptors.ToFrozenDictionary(static d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>Gets the catalog of the canonical model.</summary>
    public static CanonicalEntityCatalog Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyCollection<EntityDescriptor> Entities { get; }

    /// <inheritdoc />
    public bool TryGetEntity(string name, [NotNullWhen(true)] out EntityDescriptor? entity)
        => _byName.TryGetValue(Guard.Against.Null(name), out entity);

    /// <summary>Gets the descriptor of a canonical entity type.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    public EntityDescriptor GetDescriptor(CanonicalEntityType entityType) => _byName[Guard.Against.Null(entityType).Name];

    private static List<string> FieldPathsOf(JsonTypeInfo typeInfo)
    {
        var paths = new List<string>();
        Walk(typeInfo, string.Empty, paths, []);
        return paths;
    }

    private static void Walk(JsonTypeInfo typeInfo, string prefix, List<string> paths, HashSet<Type> visiting)
    {
        foreach (var property in typeInfo.Properties)
        {
            var path = prefix + property.Name;
            paths.Add(path);
            Describe(typeInfo.Options.GetTypeInfo(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType), path, paths, visiting);
        }
    }

    private static void Describe(JsonTypeInfo typeInfo, string path, List<string> paths, HashSet<Type> visiting)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when visiting.Add(typeInfo.Type):
                Walk(typeInfo, path + ".", paths, visiting);
                visiting.Remove(typeInfo.Type);
                break;
            case JsonTypeInfoKind.Enumerable:
                var element = typeInfo.ElementType!;
                var elementInfo = typeInfo.Options.GetTypeInfo(Nullable.GetUnderlyingType(element) ?? element);
                paths.Add(path + "[*]");
                Describe(elementInfo, path + "[*]", paths, visiting);
                break;
            case JsonTypeInfoKind.Dictionary:
                paths.Add(path + ".*");
                break;
        }
    }
}
