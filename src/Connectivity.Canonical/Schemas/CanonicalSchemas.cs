using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Connectivity.Canonical.Schemas.Internal;
using NJsonSchema;

namespace Connectivity.Canonical.Schemas;

/// <summary>
/// The published JSON Schemas of the canonical entities (embedded in this package) and validation of
/// canonical JSON against them. Validation reports every error with its JSON path; it never throws for
/// a bad document.
/// </summary>
public static class CanonicalSchemas
{
    private static readonly ConcurrentDictionary<CanonicalEntityType, Lazy<JsonSchema>> Schemas = new();

    /// <summary>Gets the JSON Schema text of <paramref name="entityType"/>, exactly as published.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>The schema as JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    public static string GetSchemaJson(CanonicalEntityType entityType)
    {
        Guard.Against.Null(entityType);
        var resource = $"Connectivity.Canonical.Schemas.{entityType.SchemaFileName}";
        using var stream = typeof(CanonicalSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The schema resource '{resource}' is missing from the package.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Validates canonical JSON as a <typeparamref name="TEntity"/>.</summary>
    /// <typeparam name="TEntity">The canonical entity type.</typeparam>
    /// <param name="json">The JSON document.</param>
    /// <returns>The outcome, with every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static SchemaValidationResult Validate<TEntity>(string json)
        where TEntity : CanonicalEntity
        => Validate(CanonicalModel.Get<TEntity>(), json);

    /// <summary>Validates canonical JSON as an entity of <paramref name="entityType"/>.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="json">The JSON document.</param>
    /// <returns>The outcome, with every error found.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SchemaValidationResult Validate(CanonicalEntityType entityType, string json)
    {
        Guard.Against.Null(entityType);
        Guard.Against.Null(json);
        var schema = Schemas.GetOrAdd(entityType, static t => new Lazy<JsonSchema>(() => Load(t))).Value;
        return new SchemaValidationResult(entityType, SchemaErrorTranslator.Validate(schema, json));
    }

    private static JsonSchema Load(CanonicalEntityType entityType)
    {
        // The schema has no external references, so parsing it completes without I/O.
        return JsonSchema.FromJsonAsync(GetSchemaJson(entityType)).GetAwaiter().GetResult();
    }
}
