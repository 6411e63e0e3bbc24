using Ardalis.GuardClauses;

namespace Connectivity.Mapping;

/// <summary>Declares the fields of an object built by a map.</summary>
public sealed class ObjectBuilder
{
    private readonly List<FieldMap> _fields = [];
    private readonly List<string> _problems = [];

    /// <summary>Declares a field.</summary>
    /// <param name="targetPath">The target field, dotted for nested objects.</param>
    /// <param name="rule">Says how the value is produced.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetPath"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public ObjectBuilder Field(string targetPath, Func<RuleBuilder, RuleBuilder> rule)
    {
        Guard.Against.NullOrWhiteSpace(targetPath);
        Guard.Against.Null(rule);
        var builder = rule(new RuleBuilder());
        var built = builder.Build();
        _problems.AddRange(builder.Problems.Select(p => $"{targetPath}: {p}"));
        if (built is not null)
        {
            _fields.Add(new FieldMap(targetPath, built));
        }

        return this;
    }

    internal IReadOnlyList<FieldMap> Fields => _fields;

    internal IReadOnlyList<string> Problems => _problems;
}
