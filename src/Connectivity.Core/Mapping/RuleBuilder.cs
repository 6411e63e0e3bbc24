using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Mapping.Internal;

namespace Connectivity.Mapping;

/// <summary>
/// Says how one target value is produced: one source (a path, a constant, a concatenation, a condition,
/// an array, an object or a function) followed by transforms, which run in the order they are called.
/// </summary>
public sealed class RuleBuilder
{
    private readonly List<ValueTransform> _transforms = [];
    private readonly List<string> _problems = [];
    private ValueRule? _source;

    /// <summary>Copies the value at a source path.</summary>
    /// <param name="path">The source path, for example <c>BillingAddress.City</c> or <c>['@odata.etag']</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    public RuleBuilder Copy(string path) => Source(new CopyRule(Guard.Against.NullOrWhiteSpace(path)));

    /// <summary>Produces the same string for every record.</summary>
    /// <param name="value">The string.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public RuleBuilder Constant(string value) => Source(new ConstantRule(Json(Guard.Against.Null(value))));

    /// <summary>Produces the same number for every record.</summary>
    /// <param name="value">The number.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Constant(decimal value) => Source(new ConstantRule(Json(value)));

    /// <summary>Produces the same whole number for every record.</summary>
    /// <param name="value">The number.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Constant(long value) => Source(new ConstantRule(Json(value)));

    /// <summary>Produces the same boolean for every record.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Constant(bool value) => Source(new ConstantRule(Json(value)));

    /// <summary>Produces the same JSON value (given as JSON text) for every record.</summary>
    /// <param name="json">The JSON text, for example <c>null</c> or <c>{"code":"A"}</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not JSON.</exception>
    public RuleBuilder ConstantJson(string json) => Source(new ConstantRule(ParseJson(json)));

    /// <summary>Joins the text of several source paths with a separator, leaving out absent and empty parts.</summary>
    /// <param name="separator">The text between two parts.</param>
    /// <param name="paths">The source paths.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RuleBuilder Concat(string separator, params string[] paths)
        => Source(new ConcatRule([.. Guard.Against.Null(paths).Select(static p => new CopyRule(p))], Guard.Against.Null(separator)));

    /// <summary>Joins the text of several values with a separator, leaving out absent and empty parts.</summary>
    /// <param name="separator">The text between two parts.</param>
    /// <param name="parts">The rules producing the parts.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RuleBuilder Concat(string separator, params Func<RuleBuilder, RuleBuilder>[] parts)
        => Source(new ConcatRule([.. Guard.Against.Null(parts).Select(Nested)], Guard.Against.Null(separator)));

    /// <summary>Calls a host function with the values of source paths.</summary>
    /// <param name="function">The name it is registered under.</param>
    /// <param name="argumentPaths">The source paths passed as arguments.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="function"/> is blank.</exception>
    public RuleBuilder Call(string function, params string[] argumentPaths)
        => Source(new FunctionRule(Guard.Against.NullOrWhiteSpace(function), [.. Guard.Against.Null(argumentPaths).Select(static p => new CopyRule(p))]));

    /// <summary>Calls a host function with values produced by rules.</summary>
    /// <param name="function">The name it is registered under.</param>
    /// <param name="arguments">The rules producing the arguments.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="function"/> is blank.</exception>
    public RuleBuilder Call(string function, params Func<RuleBuilder, RuleBuilder>[] arguments)
        => Source(new FunctionRule(Guard.Against.NullOrWhiteSpace(function), [.. Guard.Against.Null(arguments).Select(Nested)]));

    /// <summary>Produces one value when a condition holds and another (or nothing) when it does not.</summary>
    /// <param name="condition">The test on source values.</param>
    /// <param name="then">The rule when it holds.</param>
    /// <param name="otherwise">The rule when it does not; the target is left out when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> or <paramref name="then"/> is <see langword="null"/>.</exception>
    public RuleBuilder When(MapCondition condition, Func<RuleBuilder, RuleBuilder> then, Func<RuleBuilder, RuleBuilder>? otherwise = null)
        => Source(new ConditionRule(Guard.Against.Null(condition), Nested(Guard.Against.Null(then)), otherwise is null ? null : Nested(otherwise)));

    /// <summary>Produces the value of the first source path that is neither absent nor null.</summary>
    /// <param name="paths">The source paths, in order.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    public RuleBuilder FirstOf(params string[] paths)
        => Source(new CoalesceRule([.. Guard.Against.Null(paths).Select(static p => new CopyRule(p))]));

    /// <summary>Builds a nested object.</summary>
    /// <param name="fields">Declares the object's fields.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is <see langword="null"/>.</exception>
    public RuleBuilder ObjectWith(Action<ObjectBuilder> fields)
    {
        Guard.Against.Null(fields);
        var builder = new ObjectBuilder();
        fields(builder);
        _problems.AddRange(builder.Problems);
        return Source(new ObjectRule(builder.Fields));
    }

    /// <summary>Maps each element of a source array to an element of the target array.</summary>
    /// <param name="path">The source array, ending in <c>[*]</c> (several <c>[*]</c> flatten nested arrays).</param>
    /// <param name="element">The rule for each element; its paths are relative to the element.</param>
    /// <param name="where">Keeps only the elements satisfying it; every element when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> is <see langword="null"/>.</exception>
    public RuleBuilder Each(string path, Func<RuleBuilder, RuleBuilder> element, MapCondition? where = null)
        => Source(new EachRule(Guard.Against.NullOrWhiteSpace(path), Nested(Guard.Against.Null(element)), where));

    /// <summary>Picks the first element of a source array satisfying a condition and copies a value from it.</summary>
    /// <param name="path">The source array, ending in <c>[*]</c>.</param>
    /// <param name="where">The condition, with paths relative to the element.</param>
    /// <param name="valuePath">The path of the value, relative to the element.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="valuePath"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="where"/> is <see langword="null"/>.</exception>
    public RuleBuilder Pick(string path, MapCondition where, string valuePath)
        => Source(new PickRule(Guard.Against.NullOrWhiteSpace(path), Guard.Against.Null(where), new CopyRule(Guard.Against.NullOrWhiteSpace(valuePath))));

    /// <summary>Builds an array from several values; absent ones are left out.</summary>
    /// <param name="items">The rules producing the items.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public RuleBuilder Array(params Func<RuleBuilder, RuleBuilder>[] items)
        => Source(new ArrayRule([.. Guard.Against.Null(items).Select(Nested)]));

    /// <summary>Removes leading and trailing white space.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder Trim() => Then(new ValueTransform(ValueTransformKind.Trim));

    /// <summary>Upper-cases the text.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder ToUpper() => Then(new ValueTransform(ValueTransformKind.Upper));

    /// <summary>Lower-cases the text.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder ToLower() => Then(new ValueTransform(ValueTransformKind.Lower));

    /// <summary>Splits the text and keeps one part.</summary>
    /// <param name="separator">The separator.</param>
    /// <param name="index">The part kept, from 0; negative counts from the end.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Split(string separator, int index) => Then(new ValueTransform(ValueTransformKind.Split) { Text = separator, Index = index });

    /// <summary>Keeps part of the text.</summary>
    /// <param name="start">The first character kept, from 0.</param>
    /// <param name="length">How many characters are kept at most.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Substring(int start, int length) => Then(new ValueTransform(ValueTransformKind.Substring) { Index = start, Length = length });

    /// <summary>Pads the text on the left to a width.</summary>
    /// <param name="width">The width in characters.</param>
    /// <param name="padding">The padding character.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder PadLeft(int width, char padding = ' ') => Then(new ValueTransform(ValueTransformKind.PadLeft) { Length = width, Text = padding.ToString() });

    /// <summary>Pads the text on the right to a width.</summary>
    /// <param name="width">The width in characters.</param>
    /// <param name="padding">The padding character.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder PadRight(int width, char padding = ' ') => Then(new ValueTransform(ValueTransformKind.PadRight) { Length = width, Text = padding.ToString() });

    /// <summary>Writes the value as text (numbers keep their digits).</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder AsText() => Then(new ValueTransform(ValueTransformKind.ToText));

    /// <summary>Converts to a whole number, every digit kept.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder AsInteger() => Then(new ValueTransform(ValueTransformKind.ToInteger));

    /// <summary>Converts to an exact decimal; a value a decimal cannot hold exactly is an error, never rounded.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder AsDecimal() => Then(new ValueTransform(ValueTransformKind.ToDecimal));

    /// <summary>Converts to a JSON number, digits kept as given.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder AsNumber() => Then(new ValueTransform(ValueTransformKind.ToNumber));

    /// <summary>Converts to a boolean (true/false, yes/no, y/n, on/off, t/f, 1/0).</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder AsBoolean() => Then(new ValueTransform(ValueTransformKind.ToBoolean));

    /// <summary>Converts to a calendar date.</summary>
    /// <param name="outputFormat">The output format; <c>yyyy-MM-dd</c> when <see langword="null"/>.</param>
    /// <param name="inputFormats">Custom input formats; ISO 8601, <c>/Date(ms)/</c> and epoch numbers when none.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder AsDate(string? outputFormat = null, params string[] inputFormats)
        => Then(new ValueTransform(ValueTransformKind.ToDate) { OutputFormat = outputFormat, Formats = inputFormats ?? [] });

    /// <summary>Converts to a date and time with offset.</summary>
    /// <param name="outputFormat">The output format; ISO 8601 when <see langword="null"/>.</param>
    /// <param name="inputFormats">Custom input formats; ISO 8601, <c>/Date(ms)/</c> and epoch numbers when none.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder AsDateTime(string? outputFormat = null, params string[] inputFormats)
        => Then(new ValueTransform(ValueTransformKind.ToDateTime) { OutputFormat = outputFormat, Formats = inputFormats ?? [] });

    /// <summary>Converts epoch numbers in the given unit to a date and time with offset (UTC).</summary>
    /// <param name="unit">Seconds or milliseconds.</param>
    /// <param name="outputFormat">The output format; ISO 8601 when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder FromEpoch(EpochUnit unit, string? outputFormat = null)
        => Then(new ValueTransform(ValueTransformKind.ToDateTime) { Epoch = unit, OutputFormat = outputFormat });

    /// <summary>Looks the value up in a value map.</summary>
    /// <param name="valueMap">The value map's name.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder MapValues(string valueMap) => Then(new ValueTransform(ValueTransformKind.ValueMap) { Text = valueMap });

    /// <summary>Uses a string when the value is absent, null or blank.</summary>
    /// <param name="value">The default.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Default(string value) => Then(new ValueTransform(ValueTransformKind.Default) { Value = Json(value) });

    /// <summary>Uses a number when the value is absent, null or blank.</summary>
    /// <param name="value">The default.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Default(decimal value) => Then(new ValueTransform(ValueTransformKind.Default) { Value = Json(value) });

    /// <summary>Uses a boolean when the value is absent, null or blank.</summary>
    /// <param name="value">The default.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder Default(bool value) => Then(new ValueTransform(ValueTransformKind.Default) { Value = Json(value) });

    /// <summary>Makes an absent, null or blank value an error of the record.</summary>
    /// <returns>This builder.</returns>
    public RuleBuilder Required() => Then(new ValueTransform(ValueTransformKind.Required));

    /// <summary>Treats the given strings as null.</summary>
    /// <param name="values">The strings.</param>
    /// <returns>This builder.</returns>
    public RuleBuilder NullIf(params string[] values) => Then(new ValueTransform(ValueTransformKind.NullIf) { Formats = values ?? [] });

    internal IReadOnlyList<string> Problems => _problems;

    internal ValueRule? Build()
    {
        if (_source is null)
        {
            _problems.Add("the rule has no source: call Copy, Constant, Concat, Call, When, FirstOf, ObjectWith, Each, Pick or Array");
            return null;
        }

        return _transforms.Count == 0 ? _source : _source with { Transforms = [.. _transforms] };
    }

    internal static JsonElement ParseJson(string json)
    {
        Guard.Against.Null(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, MapJsonContext.Default.String);

    private static JsonElement Json(decimal value) => JsonSerializer.SerializeToElement(value, MapJsonContext.Default.Decimal);

    private static JsonElement Json(long value) => JsonSerializer.SerializeToElement(value, MapJsonContext.Default.Int64);

    private static JsonElement Json(bool value) => JsonSerializer.SerializeToElement(value, MapJsonContext.Default.Boolean);

    private ValueRule Nested(Func<RuleBuilder, RuleBuilder> configure)
    {
        var builder = configure(new RuleBuilder());
        var rule = builder.Build();
        _problems.AddRange(builder.Problems);
        return rule ?? new ConstantRule(default);
    }

    private RuleBuilder Source(ValueRule source)
    {
        if (_source is not null)
        {
            _problems.Add($"the rule has two sources ({_source.Describe()} and {source.Describe()}); a rule has one source followed by transforms");
        }

        if (_transforms.Count > 0)
        {
            _problems.Add("transforms come after the source");
        }

        _source = source;
        return this;
    }

    private RuleBuilder Then(ValueTransform transform)
    {
        _transforms.Add(transform);
        return this;
    }
}
