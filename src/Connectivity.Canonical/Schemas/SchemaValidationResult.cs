namespace Connectivity.Canonical.Schemas;

/// <summary>The outcome of validating a canonical JSON document against its entity's schema.</summary>
public sealed class SchemaValidationResult
{
    internal SchemaValidationResult(CanonicalEntityType entityType, IReadOnlyList<SchemaValidationError> errors)
    {
        EntityType = entityType;
        Errors = errors;
    }

    /// <summary>Gets the entity type the document was validated as.</summary>
    public CanonicalEntityType EntityType { get; }

    /// <summary>Gets whether the document is valid.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Gets every error found, in document order.</summary>
    public IReadOnlyList<SchemaValidationError> Errors { get; }
}
