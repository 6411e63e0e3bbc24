using Ardalis.GuardClauses;

namespace Connectivity.Mapping;

/// <summary>
/// Builds a map in C#. Mutable; <see cref="Build"/> validates the map and compiles it into an immutable,
/// thread-safe <see cref="CompiledMap"/>. A JSON map document
/// gives the same <see cref="MapDefinition"/>.
/// </summary>
/// <example>
/// <code>
/// var map = new MapBuilder("crm-account-to-erp-customer")
///     .From("crm").To("erp", "customer")
///     .ValueMap(ValueMapTable.FromStrings("terms", new Dictionary&lt;string, string&gt; { ["Net 30"] = "NET30" }))
///     .Field("name", r => r.Copy("Name").Trim().Required())
///     .Field("paymentTerms", r => r.Copy("Payment_Terms__c").MapValues("terms"))
///     .Field("creditLimit", r => r.Copy("Credit_Limit__c").AsDecimal())
///     .Build();
/// </code>
/// </example>
public sealed class MapBuilder
{
    private readonly ObjectBuilder _fields = new();
    private readonly Dictionary<string, ValueMapTable> _valueMaps = new(StringComparer.Ordinal);
    private string? _sourceSystem;
    private string? _sourceEntity;
    private string? _targetSystem;
    private string? _targetEntity;
    private MapOptions _options = MapOptions.Default;

    /// <summary>Initializes a new instance of the <see cref="MapBuilder"/> class.</summary>
    /// <param name="name">The map's name, for example <c>crm-account-to-erp-customer</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public MapBuilder(string name)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
    }

    /// <summary>Gets the map's name.</summary>
    public string Name { get; }

    /// <summary>Names the system (and, for an outbound map, the entity) the payload comes from.</summary>
    /// <param name="system">The system name, for example <c>crm</c> or <c>canonical</c>.</param>
    /// <param name="entity">The entity the map reads, for example <c>customer</c>; checked against the ownership policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="system"/> is blank.</exception>
    public MapBuilder From(string system, string? entity = null)
    {
        _sourceSystem = Guard.Against.NullOrWhiteSpace(system);
        _sourceEntity = entity;
        return this;
    }

    /// <summary>Names the system (and entity) the output is for.</summary>
    /// <param name="system">The system name, for example <c>erp</c> or <c>canonical</c>.</param>
    /// <param name="entity">The target entity, for example <c>customer</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="system"/> is blank.</exception>
    public MapBuilder To(string system, string? entity = null)
    {
        _targetSystem = Guard.Against.NullOrWhiteSpace(system);
        _targetEntity = entity;
        return this;
    }

    /// <summary>Sets how the map treats source quirks.</summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public MapBuilder WithOptions(MapOptions options)
    {
        _options = Guard.Against.Null(options);
        return this;
    }

    /// <summary>Adds a value map the rules can refer to by name.</summary>
    /// <param name="table">The table.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    public MapBuilder ValueMap(ValueMapTable table)
    {
        Guard.Against.Null(table);
        _valueMaps[table.Name] = table;
        return this;
    }

    /// <summary>Declares how a target field is produced.</summary>
    /// <param name="targetPath">The target field, dotted for nested objects (<c>creditLimit.amount</c>).</param>
    /// <param name="rule">Says how the value is produced.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetPath"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public MapBuilder Field(string targetPath, Func<RuleBuilder, RuleBuilder> rule)
    {
        _fields.Field(targetPath, rule);
        return this;
    }

    /// <summary>Gives the map as data, without compiling it.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="MapDefinitionException">A rule is incomplete (no source, two sources).</exception>
    public MapDefinition BuildDefinition()
    {
        if (_fields.Problems.Count > 0)
        {
            throw new MapDefinitionException([.. _fields.Problems.Select(p => new MapDefinitionError(MappingErrorCodes.AmbiguousRule, p[..p.IndexOf(':', StringComparison.Ordinal)], p))]);
        }

        return new MapDefinition
        {
            Name = Name,
            SourceSystem = _sourceSystem,
            SourceEntity = _sourceEntity,
            TargetSystem = _targetSystem,
            TargetEntity = _targetEntity,
            Options = _options,
            Fields = [.. _fields.Fields],
            ValueMaps = new Dictionary<string, ValueMapTable>(_valueMaps, StringComparer.Ordinal),
        };
    }

    /// <summary>Validates and compiles the map.</summary>
    /// <param name="options">Functions, target model and shared value maps; defaults when <see langword="null"/>.</param>
    /// <returns>The compiled map, immutable and safe to share across threads.</returns>
    /// <exception cref="MapDefinitionException">The map is invalid; every problem is listed.</exception>
    public CompiledMap Build(MapCompilerOptions? options = null) => MapCompiler.Compile(BuildDefinition(), options);
}
