using System.Globalization;
using System.Text.Json;

namespace Connectivity.Mapping.Internal.Documents;

/// <summary>
/// Turns a map document into a <see cref="MapDefinition"/>, collecting every problem with its JSON path and
/// position rather than stopping at the first.
/// </summary>
internal sealed class MapDocumentReader
{
    public static readonly string[] DocumentKeys = ["$schema", "name", "source", "sourceEntity", "target", "entity", "options", "valueMaps", "fields"];
    public static readonly string[] OptionKeys = ["nullSentinels", "unwrapValueObjects", "captureUnmappedInto", "writeNulls"];
    public static readonly string[] ValueMapKeys = ["entries", "default", "ignoreCase", "onUnknown"];
    public static readonly string[] SourceKeys = ["copy", "const", "concat", "call", "when", "firstOf", "object", "each", "pick", "array"];
    public static readonly string[] RuleKeys = [.. SourceKeys, "separator", "args", "then", "otherwise", "element", "where", "value", "transforms"];
    public static readonly string[] ConditionKeys = ["exists", "missing", "path", "equals", "in", "notIn", "ignoreCase", "all", "any", "not"];
    public static readonly string[] TransformKeys = ["kind", "separator", "index", "start", "length", "width", "char", "name", "formats", "output", "epoch", "value", "values"];
    public static readonly string[] TransformKinds = [.. Enum.GetNames<ValueTransformKind>().Select(JsonNamingPolicy.CamelCase.ConvertName)];

    private readonly List<MapDefinitionError> _errors;
    private readonly int[] _lineStarts;

    public MapDocumentReader(ReadOnlySpan<byte> utf8, List<MapDefinitionError> errors)
    {
        _errors = errors;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Gets where each target field was declared, for placing compile errors in the document.</summary>
    public Dictionary<string, (string Path, int Offset)> TargetLocations { get; } = new(StringComparer.Ordinal);

    public MapDefinition? Read(DocNode root)
    {
        if (!root.IsObject)
        {
            Error(MappingErrorCodes.DocumentSyntax, "$", root.Offset, "a map document is a JSON object.");
            return null;
        }

        CheckKeys(root, "$", DocumentKeys);
        var name = String(root, "$", "name", required: true);
        var options = Options(Get(root, "options"), "$.options");
        var valueMaps = new Dictionary<string, ValueMapTable>(StringComparer.Ordinal);
        if (Get(root, "valueMaps") is { } maps)
        {
            if (!maps.IsObject)
            {
                Error(MappingErrorCodes.InvalidRule, "$.valueMaps", maps.Offset, "valueMaps is an object of named tables.");
            }
            else
            {
                foreach (var (mapName, _, table) in maps.Properties)
                {
                    if (ValueMap(mapName, table, $"$.valueMaps{Key(mapName)}") is { } read)
                    {
                        valueMaps[mapName] = read;
                    }
                }
            }
        }

        var fields = new List<FieldMap>();
        var fieldsNode = Get(root, "fields");
        if (fieldsNode is null || !fieldsNode.IsObject)
        {
            Error(MappingErrorCodes.InvalidRule, "$.fields", fieldsNode?.Offset ?? root.Offset, "a map document needs 'fields': an object of target field to rule.");
        }
        else
        {
            fields.AddRange(Fields(fieldsNode, "$.fields", string.Empty));
        }

        return name is null
            ? null
            : new MapDefinition
            {
                Name = name,
                SourceSystem = String(root, "$", "source", required: false),
                SourceEntity = String(root, "$", "sourceEntity", required: false),
                TargetSystem = String(root, "$", "target", required: false),
                TargetEntity = String(root, "$", "entity", required: false),
                Options = options,
                Fields = fields,
                ValueMaps = valueMaps,
            };
    }

    public MapDefinitionError Locate(MapDefinitionError error)
    {
        var target = error.Path;
        while (true)
        {
            if (TargetLocations.TryGetValue(target, out var location))
            {
                var (line, position) = Position(location.Offset);
                return error with { Path = location.Path, LineNumber = line, LinePosition = position };
            }

            var cut = Math.Max(target.LastIndexOf('.'), target.LastIndexOf('['));
            if (cut <= 0)
            {
                return error with { Path = "$.fields" };
            }

            target = target[..cut];
        }
    }

    public (int Line, int Position) Position(int offset)
    {
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, offset - _lineStarts[line] + 1);
    }

    private List<FieldMap> Fields(DocNode node, string path, string targetPrefix)
    {
        var fields = new List<FieldMap>();
        foreach (var (target, nameOffset, ruleNode) in node.Properties)
        {
            var rulePath = $"{path}{Key(target)}";
            TargetLocations.TryAdd(targetPrefix + target, (rulePath, nameOffset));
            if (Rule(ruleNode, rulePath, targetPrefix + target) is { } rule)
            {
                fields.Add(new FieldMap(target, rule));
            }
        }

        return fields;
    }

    private ValueRule? Rule(DocNode node, string path, string target)
    {
        if (!node.IsObject)
        {
            Error(MappingErrorCodes.InvalidRule, path, node.Offset, "a rule is an object such as {\"copy\": \"Name\"}.");
            return null;
        }

        CheckKeys(node, path, RuleKeys);
        var sources = node.Properties.Where(static p => SourceKeys.Contains(p.Name)).ToArray();
        if (sources.Length != 1)
        {
            Error(
                MappingErrorCodes.AmbiguousRule,
                path,
                node.Offset,
                sources.Length == 0
                    ? $"the rule has no source; give one of: {string.Join(", ", SourceKeys)}."
                    : $"the rule has {sources.Length} sources ({string.Join(", ", sources.Select(static s => s.Name))}); give exactly one.");
            return null;
        }

        var (key, _, value) = sources[0];
        var at = $"{path}.{key}";
        ValueRule? rule = key switch
        {
            "copy" => Text(value, at) is { } copy ? new CopyRule(copy) : null,
            "const" => new ConstantRule(value.Raw),
            "concat" => Strings(value, at) is { } parts ? new ConcatRule([.. parts.Select(static p => new CopyRule(p))], String(node, path, "separator", required: false) ?? string.Empty) : null,
            "call" => Text(value, at) is { } function ? new FunctionRule(function, [.. (Get(node, "args") is { } args ? Strings(args, $"{path}.args") ?? [] : []).Select(static a => new CopyRule(a))]) : null,
            "when" => When(node, value, path, target),
            "firstOf" => Strings(value, at) is { } candidates ? new CoalesceRule([.. candidates.Select(static c => new CopyRule(c))]) : null,
            "object" => value.IsObject ? new ObjectRule(Fields(value, at, target + ".")) : Invalid<ObjectRule>(at, value, "'object' is an object of field to rule."),
            "each" => Each(node, value, path, target),
            "pick" => Pick(node, value, path, target),
            "array" => ArrayOf(value, at, target),
            _ => null,
        };

        if (rule is null)
        {
            return null;
        }

        var transforms = Get(node, "transforms") is { } list ? Transforms(list, $"{path}.transforms") : [];
        return transforms.Count == 0 ? rule : rule with { Transforms = transforms };
    }

    private ConditionRule? When(DocNode node, DocNode condition, string path, string target)
    {
        var test = Condition(condition, $"{path}.when");
        var thenNode = Get(node, "then");
        if (thenNode is null)
        {
            Error(MappingErrorCodes.InvalidRule, path, node.Offset, "'when' needs 'then'.");
            return null;
        }

        var then = Rule(thenNode, $"{path}.then", target);
        var otherwise = Get(node, "otherwise") is { } otherwiseNode ? Rule(otherwiseNode, $"{path}.otherwise", target) : null;
        return test is null || then is null ? null : new ConditionRule(test, then, otherwise);
    }

    private EachRule? Each(DocNode node, DocNode value, string path, string target)
    {
        var source = Text(value, $"{path}.each");
        var elementNode = Get(node, "element");
        if (elementNode is null)
        {
            Error(MappingErrorCodes.InvalidRule, path, node.Offset, "'each' needs 'element': the rule for each element.");
            return null;
        }

        TargetLocations.TryAdd(target + "[]", ($"{path}.element", elementNode.Offset));
        var element = Rule(elementNode, $"{path}.element", target + "[]");
        var where = Get(node, "where") is { } whereNode ? Condition(whereNode, $"{path}.where") : null;
        return source is null || element is null ? null : new EachRule(source, element, where);
    }

    private PickRule? Pick(DocNode node, DocNode value, string path, string target)
    {
        var source = Text(value, $"{path}.pick");
        var whereNode = Get(node, "where");
        var valueNode = Get(node, "value");
        if (whereNode is null || valueNode is null)
        {
            Error(MappingErrorCodes.InvalidRule, path, node.Offset, "'pick' needs 'where' (which element) and 'value' (the path to read from it).");
            return null;
        }

        var where = Condition(whereNode, $"{path}.where");
        var valuePath = Text(valueNode, $"{path}.value");
        return source is null || where is null || valuePath is null ? null : new PickRule(source, where, new CopyRule(valuePath));
    }

    private ArrayRule? ArrayOf(DocNode value, string path, string target)
    {
        if (!value.IsArray)
        {
            return Invalid<ArrayRule>(path, value, "'array' is an array of rules.");
        }

        var items = new List<ValueRule>();
        for (var i = 0; i < value.Items.Count; i++)
        {
            TargetLocations.TryAdd($"{target}[]", (path, value.Offset));
            if (Rule(value.Items[i], $"{path}[{i}]", $"{target}[]") is { } item)
            {
                items.Add(item);
            }
        }

        return new ArrayRule(items);
    }

    private MapCondition? Condition(DocNode node, string path)
    {
        if (!node.IsObject)
        {
            return Invalid<MapCondition>(path, node, "a condition is an object such as {\"exists\": \"Email\"} or {\"path\": \"Status\", \"in\": [\"Active\"]}.");
        }

        CheckKeys(node, path, ConditionKeys);
        if (Get(node, "exists") is { } exists)
        {
            return Text(exists, $"{path}.exists") is { } p ? MapCondition.Exists(p) : null;
        }

        if (Get(node, "missing") is { } missing)
        {
            return Text(missing, $"{path}.missing") is { } p ? MapCondition.Missing(p) : null;
        }

        if (Get(node, "all") is { } all)
        {
            return Conditions(all, $"{path}.all") is { } list ? new MapCondition(MapConditionKind.All) { Conditions = list } : null;
        }

        if (Get(node, "any") is { } any)
        {
            return Conditions(any, $"{path}.any") is { } list ? new MapCondition(MapConditionKind.Any) { Conditions = list } : null;
        }

        if (Get(node, "not") is { } not)
        {
            return Condition(not, $"{path}.not") is { } inner ? MapCondition.Not(inner) : null;
        }

        var target = String(node, path, "path", required: true);
        var ignoreCase = Bool(node, path, "ignoreCase") ?? false;
        IReadOnlyList<string>? values = null;
        var kind = MapConditionKind.Equals;
        if (Get(node, "equals") is { } equals)
        {
            values = Scalar(equals, $"{path}.equals") is { } single ? [single] : null;
        }
        else if (Get(node, "in") is { } inList)
        {
            values = Scalars(inList, $"{path}.in");
        }
        else if (Get(node, "notIn") is { } notIn)
        {
            values = Scalars(notIn, $"{path}.notIn");
            kind = MapConditionKind.NotEquals;
        }
        else
        {
            Error(MappingErrorCodes.InvalidRule, path, node.Offset, "a condition on 'path' needs 'equals', 'in' or 'notIn'.");
        }

        return target is null || values is null ? null : new MapCondition(kind) { Path = target, Values = values, IgnoreCase = ignoreCase };
    }

    private List<MapCondition>? Conditions(DocNode node, string path)
    {
        if (!node.IsArray)
        {
            return Invalid<List<MapCondition>>(path, node, "expected an array of conditions.");
        }

        var list = new List<MapCondition>();
        for (var i = 0; i < node.Items.Count; i++)
        {
            if (Condition(node.Items[i], $"{path}[{i}]") is { } condition)
            {
                list.Add(condition);
            }
        }

        return list;
    }

    private List<ValueTransform> Transforms(DocNode node, string path)
    {
        var transforms = new List<ValueTransform>();
        if (!node.IsArray)
        {
            Error(MappingErrorCodes.InvalidRule, path, node.Offset, "'transforms' is an array of steps such as {\"kind\": \"trim\"}.");
            return transforms;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            var item = node.Items[i];
            var at = $"{path}[{i}]";
            if (!item.IsObject)
            {
                Error(MappingErrorCodes.InvalidRule, at, item.Offset, "a transform is an object such as {\"kind\": \"trim\"}.");
                continue;
            }

            CheckKeys(item, at, TransformKeys);
            var kindName = String(item, at, "kind", required: true);
            if (kindName is null)
            {
                continue;
            }

            if (!TransformKinds.Contains(kindName, StringComparer.Ordinal))
            {
                Error(MappingErrorCodes.UnknownRule, $"{at}.kind", Get(item, "kind")!.Offset, $"'{kindName}' is not a transform; known: {string.Join(", ", TransformKinds)}.");
                continue;
            }

            var kind = Enum.Parse<ValueTransformKind>(kindName, ignoreCase: true);
            var transform = new ValueTransform(kind)
            {
                Text = String(item, at, kind is ValueTransformKind.ValueMap ? "name" : kind is ValueTransformKind.PadLeft or ValueTransformKind.PadRight ? "char" : "separator", required: kind is ValueTransformKind.ValueMap or ValueTransformKind.Split),
                Index = Int(item, at, kind == ValueTransformKind.Substring ? "start" : "index") ?? 0,
                Length = Int(item, at, kind is ValueTransformKind.PadLeft or ValueTransformKind.PadRight ? "width" : "length") ?? 0,
                Formats = (kind == ValueTransformKind.NullIf ? Get(item, "values") : Get(item, "formats")) is { } formats ? Strings(formats, $"{at}.formats") ?? [] : [],
                OutputFormat = String(item, at, "output", required: false),
                Epoch = String(item, at, "epoch", required: false) is "seconds" ? EpochUnit.Seconds : EpochUnit.Milliseconds,
                Value = Get(item, "value")?.Raw,
            };
            if (kind == ValueTransformKind.Default && transform.Value is null)
            {
                Error(MappingErrorCodes.InvalidRule, at, item.Offset, "'default' needs 'value'.");
            }

            transforms.Add(transform);
        }

        return transforms;
    }

    private MapOptions Options(DocNode? node, string path)
    {
        if (node is null)
        {
            return MapOptions.Default;
        }

        if (!node.IsObject)
        {
            Error(MappingErrorCodes.InvalidRule, path, node.Offset, "'options' is an object.");
            return MapOptions.Default;
        }

        CheckKeys(node, path, OptionKeys);
        var unwrap = String(node, path, "unwrapValueObjects", required: false) switch
        {
            null or "none" => ValueObjectMember.None,
            "value" => ValueObjectMember.Value,
            "displayValue" => ValueObjectMember.DisplayValue,
            var other => Invalid<ValueObjectMember>($"{path}.unwrapValueObjects", Get(node, "unwrapValueObjects")!, $"'{other}' is not one of none, value, displayValue."),
        };

        return new MapOptions
        {
            NullSentinels = Get(node, "nullSentinels") is { } sentinels ? Strings(sentinels, $"{path}.nullSentinels") ?? [] : [],
            UnwrapValueObjects = unwrap,
            CaptureUnmappedInto = String(node, path, "captureUnmappedInto", required: false),
            WriteNulls = Bool(node, path, "writeNulls") ?? false,
        };
    }

    private ValueMapTable? ValueMap(string name, DocNode node, string path)
    {
        if (!node.IsObject)
        {
            return Invalid<ValueMapTable>(path, node, "a value map is an object with 'entries'.");
        }

        CheckKeys(node, path, ValueMapKeys);
        var entriesNode = Get(node, "entries");
        if (entriesNode is null || !entriesNode.IsObject)
        {
            return Invalid<ValueMapTable>(path, entriesNode ?? node, "a value map needs 'entries': an object of source value to target value.");
        }

        var entries = entriesNode.Properties.ToDictionary(static p => p.Name, static p => p.Value.Raw, StringComparer.Ordinal);
        var fallback = Get(node, "default")?.Raw;
        var onUnknown = String(node, path, "onUnknown", required: false) switch
        {
            "error" => UnknownValueHandling.Error,
            "useDefault" => UnknownValueHandling.UseDefault,
            "passThrough" => UnknownValueHandling.PassThrough,
            null => fallback is null ? UnknownValueHandling.Error : UnknownValueHandling.UseDefault,
            var other => Invalid<UnknownValueHandling>($"{path}.onUnknown", Get(node, "onUnknown")!, $"'{other}' is not one of error, useDefault, passThrough."),
        };

        return new ValueMapTable(name, entries) { Default = fallback, IgnoreCase = Bool(node, path, "ignoreCase") ?? false, OnUnknown = onUnknown };
    }

    private void CheckKeys(DocNode node, string path, string[] known)
    {
        foreach (var (name, offset, _) in node.Properties)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Error(MappingErrorCodes.UnknownRule, $"{path}{Key(name)}", offset, $"'{name}' is not known here; known: {string.Join(", ", known)}.");
            }
        }

        foreach (var duplicate in node.Properties.GroupBy(static p => p.Name).Where(static g => g.Count() > 1))
        {
            Error(MappingErrorCodes.InvalidRule, $"{path}{Key(duplicate.Key)}", duplicate.Last().NameOffset, $"'{duplicate.Key}' is given twice.");
        }
    }

    private static DocNode? Get(DocNode node, string name)
    {
        foreach (var (key, _, value) in node.Properties)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private string? String(DocNode node, string path, string name, bool required)
    {
        var value = Get(node, name);
        if (value is null)
        {
            if (required)
            {
                Error(MappingErrorCodes.InvalidRule, path, node.Offset, $"'{name}' is required here.");
            }

            return null;
        }

        return Text(value, $"{path}.{name}");
    }

    private string? Text(DocNode node, string path)
        => node.IsString ? node.Text : Invalid<string>(path, node, "expected a string.");

    private string? Scalar(DocNode node, string path)
        => node.Kind is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False
            ? node.Text
            : Invalid<string>(path, node, "expected a string, number or boolean.");

    private List<string>? Strings(DocNode node, string path)
    {
        if (!node.IsArray)
        {
            return Invalid<List<string>>(path, node, "expected an array of strings.");
        }

        var list = new List<string>();
        for (var i = 0; i < node.Items.Count; i++)
        {
            if (Text(node.Items[i], $"{path}[{i}]") is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    private List<string>? Scalars(DocNode node, string path)
    {
        if (!node.IsArray)
        {
            return Invalid<List<string>>(path, node, "expected an array of values.");
        }

        return [.. node.Items.Select((item, i) => Scalar(item, $"{path}[{i}]")).OfType<string>()];
    }

    private bool? Bool(DocNode node, string path, string name)
        => Get(node, name) switch
        {
            null => null,
            { Kind: JsonTokenType.True } => true,
            { Kind: JsonTokenType.False } => false,
            var other => Invalid<bool?>($"{path}.{name}", other, "expected true or false."),
        };

    private int? Int(DocNode node, string path, string name)
        => Get(node, name) switch
        {
            null => null,
            { Kind: JsonTokenType.Number } number when int.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
            var other => Invalid<int?>($"{path}.{name}", other, "expected a whole number."),
        };

    private T? Invalid<T>(string path, DocNode node, string message)
    {
        Error(MappingErrorCodes.InvalidRule, path, node.Offset, message);
        return default;
    }

    private void Error(string code, string path, int offset, string message)
    {
        var (line, position) = Position(offset);
        _errors.Add(new MapDefinitionError(code, path, message) { LineNumber = line, LinePosition = position });
    }

    private static string Key(string name)
        => name.Length > 0 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $".{name}" : $"['{name}']";
}
