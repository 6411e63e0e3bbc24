using System.Text.Json.Serialization.Metadata;
using Connectivity.Lifecycle;

namespace Connectivity.Canonical;

/// <summary>Describes one canonical entity type: its name, schema, lifecycle and serialization metadata.</summary>
public sealed class CanonicalEntityType
{
    internal CanonicalEntityType(string name, Type clrType, string schemaVersion, LifecycleDefinition lifecycle, JsonTypeInfo jsonTypeInfo)
    {
        Name = name;
        ClrType = clrType;
        SchemaVersion = schemaVersion;
        Lifecycle = lifecycle;
        JsonTypeInfo = jsonTypeInfo;
    }

    /// <summary>Gets the entity name as the schemas, ownership policies and maps spell it, for example <c>workOrder</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the .NET type of the entity.</summary>
    public Type ClrType { get; }

    /// <summary>Gets the version of the entity's JSON Schema, <c>major.minor</c>; see <c>docs/schema-versioning.md</c>.</summary>
    public string SchemaVersion { get; }

    /// <summary>Gets the <c>$id</c> of the entity's JSON Schema, which carries its version.</summary>
    public string SchemaId => $"urn:connectivity:canonical:{Name}:{SchemaVersion}";

    /// <summary>Gets the file name of the entity's JSON Schema under <c>Schemas/</c>, for example <c>customer.schema.json</c>.</summary>
    public string SchemaFileName => $"{Name}.schema.json";

    /// <summary>Gets the entity's lifecycle.</summary>
    public LifecycleDefinition Lifecycle { get; }

    /// <summary>Gets the source-generated serialization metadata for the entity.</summary>
    public JsonTypeInfo JsonTypeInfo { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
