using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Connectivity.Mapping.Internal;

/// <summary>Compiles a definition: merges source paths into the trie, checks rules against the target model, pools literals.</summary>
internal sealed class MapCompilation
{
    private static readonly JavaScriptEncoder NameEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly MapDefinition _definition;
    private readonly MapCompilerOptions _options;
    private readonly List<MapDefinitionError> _errors;
    private readonly SourceTrie _trie = new();
    private readonly List<byte> _literals = [];
    private readonly Dictionary<string, ValueMapTransform> _valueMaps = new(StringComparer.Ordinal);
    private MapTargetModel? _target;

    private MapCompilation(MapDefinition definition, MapCompilerOptions options, List<MapDefinitionError> errors)
    {
        _definition = definition;
        _options = options;
        _errors = errors;
    }

    public static CompiledMap? TryCompile(MapDefinition definition, MapCompilerOptions options, List<MapDefinitionError> errors)
    {
        var compilation = new MapCompilation(definition, options, errors);
        var program = compilation.Compile();
        return errors.Count == 0 && program is not null ? new CompiledMap(definition, program) : null;
    }

    private MapProgram? Compile()
    {
        _target = _options.Target;
        if (_target is null && _definition.TargetEntity is { } entity && _options.Targets.Count > 0 && !_options.Targets.TryGetValue(entity, out _target))
        {
            Error(MappingErrorCodes.UnknownTargetField, "$", $"the target entity '{entity}' is not known; known: {string.Join(", ", _options.Targets.Keys.Order(StringComparer.Ordinal))}.");
        }

        var fields = _definition.Fields.ToList();
        var capture = _definition.Options.CaptureUnmappedInto;
        if (capture is not null)
        {
            fields.Add(new FieldMap(capture, UnmappedMarker.Instance));
        }

        var root = CompileObject(fields, _trie.Root, _target?.Root, prefix: string.Empty, implicitGroup: false);
        CheckOwnership();
        if (_options.MaxDepth < 1)
        {
            Error(MappingErrorCodes.InvalidRule, "$", "MaxDepth must be at least 1.");
        }

        if (_errors.Count > 0)
        {
            return null;
        }

        _trie.Root.Freeze();
        return new MapProgram
        {
            Trie = _trie,
            ScopeSlotCounts = [.. Enumerable.Range(0, _trie.ScopeCount).Select(_trie.SlotCount)],
            Literals = [.. _literals],
            Root = root,
            NullSentinels = [.. _definition.Options.NullSentinels.Select(Utf8Text.Of)],
            WriteNulls = _definition.Options.WriteNulls,
            CaptureUnmapped = capture is not null,
            MaxDepth = _options.MaxDepth,
        };
    }

    private void CheckOwnership()
    {
        if (_options.Ownership is not { } policy || _definition.SourceEntity is not { } entity || _definition.TargetSystem is not { } system)
        {
            return;
        }

        foreach (var field in MapExplanation.Of(_definition).Fields)
        {
            var sources = field.SourcePaths.Where(static p => !p.StartsWith('(')).ToArray();
            if (sources.Length == 0)
            {
                continue;
            }

            foreach (var error in policy.CheckOutboundMap(system, entity, sources))
            {
                Error(error.Code, field.TargetPath, $"{error.Message} (target field '{field.TargetPath}')");
            }
        }
    }

    private ObjectWriter CompileObject(IReadOnlyList<FieldMap> fields, SourceNode baseNode, MapTargetField? target, string prefix, bool implicitGroup)
    {
        // Dotted target paths group into nested objects: creditLimit.amount and creditLimit.currency
        // become one creditLimit object, written in the order its first field was declared.
        var order = new List<string>();
        var leaves = new Dictionary<string, FieldMap>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<FieldMap>>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var targetPath = prefix + field.TargetPath;
            if (!MapPath.TryParse(field.TargetPath, out var segments, out var rooted, out var error) || rooted
                || segments.Any(static s => s.Kind != PathSegmentKind.Property))
            {
                Error(MappingErrorCodes.InvalidPath, targetPath, $"'{field.TargetPath}' is not a target path ({error ?? "target paths name properties only"}).");
                continue;
            }

            var head = segments[0].Name;
            if (segments.Length == 1)
            {
                if (leaves.ContainsKey(head) || groups.ContainsKey(head))
                {
                    Error(MappingErrorCodes.DuplicateTarget, targetPath, $"more than one rule writes '{prefix + head}'.");
                    continue;
                }

                leaves[head] = field;
                order.Add(head);
            }
            else
            {
                if (leaves.ContainsKey(head))
                {
                    Error(MappingErrorCodes.DuplicateTarget, targetPath, $"'{prefix + head}' is written by a rule and also has fields of its own.");
                    continue;
                }

                if (!groups.TryGetValue(head, out var group))
                {
                    groups[head] = group = [];
                    order.Add(head);
                }

                group.Add(field with { TargetPath = MapPath.Format(segments[1..]) });
            }
        }

        var writers = new List<FieldWriter>();
        foreach (var name in order)
        {
            var targetPath = prefix + name;
            var targetField = ResolveTarget(target, name, targetPath);
            var encoded = JsonEncodedText.Encode(name, NameEncoder);
            if (leaves.TryGetValue(name, out var leaf))
            {
                var rule = leaf.Rule is UnmappedMarker
                    ? new UnmappedWriter()
                    : CompileRule(leaf.Rule, baseNode, targetField, targetPath);
                CheckKind(rule, leaf.Rule, targetField, targetPath);
                writers.Add(new FieldWriter(encoded, targetPath, rule, targetField?.Kind ?? MapTargetKind.Any));
            }
            else
            {
                if (targetField is not null && targetField.Kind is not (MapTargetKind.Object or MapTargetKind.Any))
                {
                    Error(MappingErrorCodes.TypeMismatch, targetPath, $"'{targetPath}' is {ValueWriter.Describe(targetField.Kind)}, not an object with fields.");
                }

                var nested = CompileObject(groups[name], baseNode, targetField, targetPath + ".", implicitGroup: true);
                writers.Add(new FieldWriter(encoded, targetPath, nested, MapTargetKind.Object));
            }
        }

        return new ObjectWriter([.. writers], implicitGroup) { Kind = MapTargetKind.Object };
    }

    private MapTargetField? ResolveTarget(MapTargetField? parent, string name, string targetPath)
    {
        if (parent is null || parent.Kind == MapTargetKind.Any)
        {
            return null;
        }

        if (parent.Fields.TryGetValue(name, out var field))
        {
            return field;
        }

        var known = parent.Fields.Count == 0 ? "none" : string.Join(", ", parent.Fields.Keys.Order(StringComparer.Ordinal));
        Error(MappingErrorCodes.UnknownTargetField, targetPath, $"'{targetPath}' is not a field of {(_target?.Name is { } model && parent == _target.Root ? model : "the target")}; known fields: {known}.");
        return null;
    }

    private CompiledRule CompileRule(ValueRule rule, SourceNode baseNode, MapTargetField? target, string targetPath)
    {
        CompiledRule compiled;
        switch (rule)
        {
            case CopyRule copy:
                var accessor = Access(copy.Path, baseNode, targetPath);
                compiled = accessor is null ? Placeholder() : new CopyEval(accessor) { SourcePath = copy.Path };
                break;
            case ConstantRule constant:
                compiled = new ConstantEval(Literal(constant.Value)) { Kind = KindOf(constant.Value) };
                break;
            case ConcatRule concat:
                compiled = new ConcatEval([.. concat.Parts.Select(p => Scalar(p, baseNode, targetPath))], Utf8Text.Of(concat.Separator ?? string.Empty))
                {
                    Kind = MapTargetKind.String,
                    SourcePath = string.Join(", ", concat.Parts.OfType<CopyRule>().Select(static p => p.Path)),
                };
                break;
            case FunctionRule function:
                var arguments = function.Arguments.Select(a => Scalar(a, baseNode, targetPath)).ToArray();
                if (!_options.Functions.TryGet(function.Name, out var implementation))
                {
                    var known = _options.Functions.Names.Count == 0 ? "none registered" : string.Join(", ", _options.Functions.Names.Order(StringComparer.Ordinal));
                    Error(MappingErrorCodes.UnknownFunction, targetPath, $"the function '{function.Name}' is not registered; known: {known}.");
                    compiled = Placeholder();
                }
                else
                {
                    compiled = new FunctionEval(function.Name, implementation, arguments) { SourcePath = $"{function.Name}()" };
                }

                break;
            case ConditionRule condition:
                var then = CompileRule(condition.Then, baseNode, target, targetPath);
                var otherwise = condition.Otherwise is null ? null : CompileRule(condition.Otherwise, baseNode, target, targetPath);
                compiled = new ConditionEval(CompileCondition(condition.Condition, baseNode, targetPath), then, otherwise)
                {
                    Kind = otherwise is null || otherwise.Kind == then.Kind ? then.Kind : MapTargetKind.Any,
                };
                break;
            case CoalesceRule coalesce:
                var candidates = coalesce.Candidates.Select(c => Scalar(c, baseNode, targetPath)).ToArray();
                compiled = new CoalesceEval(candidates)
                {
                    Kind = candidates.Select(static c => c.Kind).Distinct().Count() == 1 ? candidates[0].Kind : MapTargetKind.Any,
                    SourcePath = string.Join(" | ", coalesce.Candidates.OfType<CopyRule>().Select(static c => c.Path)),
                };
                break;
            case ObjectRule obj:
                if (target is not null && target.Kind is not (MapTargetKind.Object or MapTargetKind.Any))
                {
                    Error(MappingErrorCodes.TypeMismatch, targetPath, $"'{targetPath}' is {ValueWriter.Describe(target.Kind)}, but the rule builds an object.");
                    target = null;
                }

                compiled = CompileObject(obj.Fields, baseNode, ObjectShape(target), targetPath + ".", implicitGroup: false);
                break;
            case EachRule each:
                compiled = CompileEach(each, baseNode, target, targetPath);
                break;
            case PickRule pick:
                compiled = CompilePick(pick, baseNode, target, targetPath);
                break;
            case ArrayRule array:
                var element = ElementShape(target, targetPath);
                var items = array.Items.Select(i => CompileRule(i, baseNode, element, targetPath + "[]")).ToArray();
                for (var i = 0; i < items.Length; i++)
                {
                    CheckKind(items[i], array.Items[i], element, targetPath + "[]");
                }

                compiled = new ArrayWriter(items, element?.Kind ?? MapTargetKind.Any) { Kind = MapTargetKind.Array };
                break;
            default:
                Error(MappingErrorCodes.AmbiguousRule, targetPath, $"the rule {rule.GetType().Name} is not supported.");
                compiled = Placeholder();
                break;
        }

        if (rule.Transforms.Count == 0)
        {
            return compiled;
        }

        if (!compiled.IsScalar)
        {
            Error(MappingErrorCodes.InvalidRule, targetPath, "transforms apply to single values, not to objects or arrays.");
            return compiled;
        }

        var kind = compiled.Kind;
        var transforms = new List<CompiledTransform>();
        foreach (var transform in rule.Transforms)
        {
            transforms.Add(CompileTransform(transform, targetPath, ref kind));
        }

        return new TransformedEval(compiled, [.. transforms]) { Kind = kind, SourcePath = compiled.SourcePath };
    }

    private CompiledRule Scalar(ValueRule rule, SourceNode baseNode, string targetPath)
    {
        var compiled = CompileRule(rule, baseNode, null, targetPath);
        if (!compiled.IsScalar)
        {
            Error(MappingErrorCodes.InvalidRule, targetPath, $"'{rule.Describe()}' builds an object or array where a single value is needed.");
            return Placeholder();
        }

        return compiled;
    }

    private CompiledRule CompileEach(EachRule each, SourceNode baseNode, MapTargetField? target, string targetPath)
    {
        if (target is not null && target.Kind is not (MapTargetKind.Array or MapTargetKind.Any))
        {
            Error(MappingErrorCodes.TypeMismatch, targetPath, $"'{targetPath}' is {ValueWriter.Describe(target.Kind)}, but 'each' builds an array.");
            target = null;
        }

        if (!TryWalkArray(each.Path, baseNode, targetPath, out var walk))
        {
            return Placeholder();
        }

        var element = ElementShape(target, targetPath);
        var elementPath = targetPath + "[]";
        var compiledElement = CompileRule(each.Element, walk.Element, element, elementPath);
        CheckKind(compiledElement, each.Element, element, elementPath);
        var where = each.Where is null ? null : CompileCondition(each.Where, walk.Element, elementPath);
        return new EachWriter(walk.Rooted, walk.BaseScope, walk.Steps, walk.Array, compiledElement, where, element?.Kind ?? MapTargetKind.Any)
        {
            Kind = MapTargetKind.Array,
            SourcePath = each.Path,
        };
    }

    private CompiledRule CompilePick(PickRule pick, SourceNode baseNode, MapTargetField? target, string targetPath)
    {
        if (!TryWalkArray(pick.Path, baseNode, targetPath, out var walk))
        {
            return Placeholder();
        }

        var value = Scalar(pick.Value, walk.Element, targetPath);
        var where = CompileCondition(pick.Where, walk.Element, targetPath);
        return new PickEval(walk.Rooted, walk.BaseScope, walk.Steps, where, value) { Kind = value.Kind, SourcePath = $"{pick.Path} ({pick.Where})" };
    }

    private readonly record struct ArrayWalk(bool Rooted, int BaseScope, (int Scope, int Index)[] Steps, SlotAccessor Array, SourceNode Element);

    private bool TryWalkArray(string path, SourceNode baseNode, string targetPath, out ArrayWalk walk)
    {
        walk = default;
        if (!MapPath.TryParse(path, out var segments, out var rooted, out var error))
        {
            Error(MappingErrorCodes.InvalidPath, targetPath, $"'{path}' is not a valid source path: {error}.");
            return false;
        }

        if (segments.Length == 0 || segments[^1].Kind != PathSegmentKind.Wildcard)
        {
            Error(MappingErrorCodes.InvalidPath, targetPath, $"'{path}' must end with [*] to name the array's elements.");
            return false;
        }

        var start = rooted ? _trie.Root : baseNode;
        var node = start;
        var steps = new List<(int, int)>();
        SourceNode? firstArray = null;
        (int, int)[]? stepsToFirstArray = null;
        foreach (var segment in segments)
        {
            switch (segment.Kind)
            {
                case PathSegmentKind.Property:
                    node = SourceTrie.Child(node, segment.Name);
                    break;
                default:
                    if (firstArray is null)
                    {
                        firstArray = node;
                        stepsToFirstArray = [.. steps];
                    }

                    node = _trie.ElementOf(node);
                    steps.Add((node.Scope, segment.Kind == PathSegmentKind.Index ? segment.Index : -1));
                    break;
            }
        }

        _trie.EnsureSlot(firstArray!);
        var array = new SlotAccessor
        {
            Path = path,
            Rooted = rooted,
            BaseScope = start.Scope,
            Steps = stepsToFirstArray!,
            Slot = firstArray!.Slot,
        };
        walk = new ArrayWalk(rooted, start.Scope, [.. steps], array, node);
        return true;
    }

    private SlotAccessor? Access(string path, SourceNode baseNode, string targetPath)
    {
        if (!MapPath.TryParse(path, out var segments, out var rooted, out var error))
        {
            Error(MappingErrorCodes.InvalidPath, targetPath, $"'{path}' is not a valid source path: {error}.");
            return null;
        }

        var start = rooted ? _trie.Root : baseNode;
        var node = start;
        var steps = new List<(int, int)>();
        foreach (var segment in segments)
        {
            switch (segment.Kind)
            {
                case PathSegmentKind.Property:
                    node = SourceTrie.Child(node, segment.Name);
                    break;
                case PathSegmentKind.Index:
                    node = _trie.ElementOf(node);
                    steps.Add((node.Scope, segment.Index));
                    break;
                default:
                    Error(MappingErrorCodes.InvalidPath, targetPath, $"'{path}' reads every element ([*]); use 'each' to map them or 'pick' to choose one.");
                    return null;
            }
        }

        if (node == _trie.Root)
        {
            Error(MappingErrorCodes.InvalidPath, targetPath, $"'{path}' names the whole record; name a field.");
            return null;
        }

        _trie.EnsureSlot(node);
        var unwrap = -1;
        if (_definition.Options.UnwrapValueObjects != ValueObjectMember.None)
        {
            var member = SourceTrie.Child(node, _definition.Options.UnwrapValueObjects == ValueObjectMember.Value ? "value" : "display_value");
            unwrap = _trie.EnsureSlot(member);
        }

        return new SlotAccessor
        {
            Path = path,
            Rooted = rooted,
            BaseScope = start.Scope,
            Steps = [.. steps],
            Slot = node.Slot,
            UnwrapSlot = unwrap,
        };
    }

    private CompiledCondition CompileCondition(MapCondition condition, SourceNode baseNode, string targetPath)
    {
        switch (condition.Kind)
        {
            case MapConditionKind.Exists or MapConditionKind.Missing or MapConditionKind.Equals or MapConditionKind.NotEquals:
                if (condition.Path is null)
                {
                    Error(MappingErrorCodes.InvalidRule, targetPath, $"the condition {condition.Kind} needs a path.");
                    return new CompositeCondition(MapConditionKind.Any, []);
                }

                var accessor = Access(condition.Path, baseNode, targetPath);
                if (accessor is null)
                {
                    return new CompositeCondition(MapConditionKind.Any, []);
                }

                return condition.Kind is MapConditionKind.Exists or MapConditionKind.Missing
                    ? new ExistsCondition(accessor, negate: condition.Kind == MapConditionKind.Missing)
                    : new EqualsCondition(accessor, [.. condition.Values.Select(Utf8Text.Of)], condition.IgnoreCase, negate: condition.Kind == MapConditionKind.NotEquals);
            case MapConditionKind.Not when condition.Conditions.Count != 1:
                Error(MappingErrorCodes.InvalidRule, targetPath, "'not' takes exactly one condition.");
                return new CompositeCondition(MapConditionKind.Any, []);
            default:
                return new CompositeCondition(condition.Kind, [.. condition.Conditions.Select(c => CompileCondition(c, baseNode, targetPath))]);
        }
    }

    private CompiledTransform CompileTransform(ValueTransform transform, string targetPath, ref MapTargetKind kind)
    {
        switch (transform.Kind)
        {
            case ValueTransformKind.Trim:
                return new TrimTransform();
            case ValueTransformKind.Upper or ValueTransformKind.Lower:
                kind = kind == MapTargetKind.Any ? MapTargetKind.Any : MapTargetKind.String;
                return new CaseTransform(transform.Kind == ValueTransformKind.Upper);
            case ValueTransformKind.Split:
                if (string.IsNullOrEmpty(transform.Text))
                {
                    Error(MappingErrorCodes.InvalidRule, targetPath, "split needs a separator.");
                }

                kind = MapTargetKind.String;
                return new SplitTransform(Utf8Text.Of(transform.Text ?? " "), transform.Index);
            case ValueTransformKind.Substring:
                if (transform.Index < 0 || transform.Length < 0)
                {
                    Error(MappingErrorCodes.InvalidRule, targetPath, "substring needs a start and a length of 0 or more.");
                }

                kind = MapTargetKind.String;
                return new SubstringTransform(Math.Max(0, transform.Index), Math.Max(0, transform.Length));
            case ValueTransformKind.PadLeft or ValueTransformKind.PadRight:
                var padding = transform.Text ?? " ";
                if (padding.Length != 1 || transform.Length < 1)
                {
                    Error(MappingErrorCodes.InvalidRule, targetPath, "padding needs a width of 1 or more and exactly one padding character.");
                    padding = " ";
                }

                kind = MapTargetKind.String;
                return new PadTransform(transform.Kind == ValueTransformKind.PadLeft, Math.Max(1, transform.Length), padding[0]);
            case ValueTransformKind.ToText:
                kind = MapTargetKind.String;
                return new ToTextTransform();
            case ValueTransformKind.ToInteger:
                kind = MapTargetKind.Integer;
                return new ToNumberTransform(NumberTarget.Integer);
            case ValueTransformKind.ToDecimal:
                kind = MapTargetKind.Number;
                return new ToNumberTransform(NumberTarget.Decimal);
            case ValueTransformKind.ToNumber:
                kind = MapTargetKind.Number;
                return new ToNumberTransform(NumberTarget.Number);
            case ValueTransformKind.ToBoolean:
                kind = MapTargetKind.Boolean;
                return new ToBooleanTransform();
            case ValueTransformKind.ToDate or ValueTransformKind.ToDateTime:
                var dateOnly = transform.Kind == ValueTransformKind.ToDate;
                if (transform.OutputFormat is { } output)
                {
                    try
                    {
                        _ = DateTimeOffset.UnixEpoch.ToString(output, CultureInfo.InvariantCulture);
                    }
                    catch (FormatException)
                    {
                        Error(MappingErrorCodes.InvalidRule, targetPath, $"'{output}' is not a valid date output format.");
                    }
                }

                kind = transform.OutputFormat is not null ? MapTargetKind.String : dateOnly ? MapTargetKind.Date : MapTargetKind.DateTime;
                return new ToDateTransform(dateOnly, [.. transform.Formats], transform.OutputFormat, transform.Epoch);
            case ValueTransformKind.ValueMap:
                return CompileValueMap(transform.Text, targetPath, ref kind);
            case ValueTransformKind.Default:
                var fallback = transform.Value is { } value ? Literal(value) : MapValue.Null;
                if (transform.Value is { } typed && KindOf(typed) != kind && kind != MapTargetKind.Any)
                {
                    kind = MapTargetKind.Any;
                }

                return new DefaultTransform(fallback);
            case ValueTransformKind.Required:
                return new RequiredTransform();
            case ValueTransformKind.NullIf:
                return new NullIfTransform([.. transform.Formats.Select(Utf8Text.Of)]);
            default:
                Error(MappingErrorCodes.UnknownRule, targetPath, $"the transform {transform.Kind} is not supported.");
                return new TrimTransform();
        }
    }

    private ValueMapTransform CompileValueMap(string? name, string targetPath, ref MapTargetKind kind)
    {
        if (name is null || !(_definition.ValueMaps.TryGetValue(name, out var table) || _options.SharedValueMaps.TryGetValue(name, out table)))
        {
            var known = _definition.ValueMaps.Keys.Concat(_options.SharedValueMaps.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
            Error(MappingErrorCodes.UnknownValueMap, targetPath, $"the value map '{name}' is not defined; known: {(known.Length == 0 ? "none" : string.Join(", ", known))}.");
            return new ValueMapTransform(name ?? string.Empty, FrozenDictionary<string, MapValue>.Empty, MapValue.Absent, UnknownValueHandling.PassThrough, ignoreCase: false);
        }

        var kinds = table.Entries.Values.Select(KindOf).Distinct().ToArray();
        kind = kinds.Length == 1 && table.OnUnknown != UnknownValueHandling.PassThrough ? kinds[0] : MapTargetKind.Any;
        if (_valueMaps.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var comparer = table.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var entries = table.Entries.ToFrozenDictionary(static e => e.Key, e => Literal(e.Value), comparer);
        var onUnknown = table.OnUnknown;
        if (onUnknown == UnknownValueHandling.UseDefault && table.Default is null)
        {
            Error(MappingErrorCodes.InvalidRule, targetPath, $"the value map '{name}' uses a default but has none.");
        }

        var compiled = new ValueMapTransform(name, entries, table.Default is { } d ? Literal(d) : MapValue.Absent, onUnknown, table.IgnoreCase);
        _valueMaps[name] = compiled;
        return compiled;
    }

    private void CheckKind(CompiledRule rule, ValueRule source, MapTargetField? target, string targetPath)
    {
        if (target is null || target.Kind == MapTargetKind.Any || rule.Kind == MapTargetKind.Any)
        {
            return;
        }

        var fits = target.Kind switch
        {
            MapTargetKind.String => rule.Kind is not (MapTargetKind.Object or MapTargetKind.Array),
            MapTargetKind.Number => rule.Kind is MapTargetKind.Number or MapTargetKind.Integer,
            MapTargetKind.Date => rule.Kind is MapTargetKind.Date or MapTargetKind.String,
            MapTargetKind.DateTime => rule.Kind is MapTargetKind.DateTime or MapTargetKind.String,
            MapTargetKind.Enumeration => rule.Kind is MapTargetKind.String or MapTargetKind.Enumeration,
            _ => rule.Kind == target.Kind,
        };

        if (!fits)
        {
            Error(MappingErrorCodes.TypeMismatch, targetPath, $"'{targetPath}' expects {ValueWriter.Describe(target.Kind)}, but '{source.Describe()}' produces {ValueWriter.Describe(rule.Kind)}.");
            return;
        }

        if (target.Kind == MapTargetKind.Enumeration && target.AllowedValues.Count > 0)
        {
            foreach (var constant in Constants(source))
            {
                if (constant.ValueKind == JsonValueKind.String && !target.AllowedValues.Contains(constant.GetString()!, StringComparer.Ordinal))
                {
                    Error(MappingErrorCodes.TypeMismatch, targetPath, $"'{constant.GetString()}' is not one of the values '{targetPath}' allows: {string.Join(", ", target.AllowedValues)}.");
                }
            }
        }
    }

    private IEnumerable<JsonElement> Constants(ValueRule rule)
    {
        if (rule is ConstantRule constant)
        {
            yield return constant.Value;
        }

        foreach (var transform in rule.Transforms)
        {
            if (transform.Kind == ValueTransformKind.Default && transform.Value is { } fallback)
            {
                yield return fallback;
            }

            if (transform.Kind == ValueTransformKind.ValueMap && transform.Text is { } name
                && (_definition.ValueMaps.TryGetValue(name, out var table) || _options.SharedValueMaps.TryGetValue(name, out table)))
            {
                foreach (var entry in table.Entries.Values)
                {
                    yield return entry;
                }

                if (table.Default is { } tableDefault)
                {
                    yield return tableDefault;
                }
            }
        }

        if (rule is ConditionRule condition)
        {
            foreach (var nested in Constants(condition.Then).Concat(condition.Otherwise is null ? [] : Constants(condition.Otherwise)))
            {
                yield return nested;
            }
        }
    }

    private static MapTargetField? ObjectShape(MapTargetField? target) => target is { Kind: MapTargetKind.Object } ? target : null;

    private MapTargetField? ElementShape(MapTargetField? target, string targetPath)
    {
        if (target is null || target.Kind == MapTargetKind.Any)
        {
            return null;
        }

        if (target.Kind != MapTargetKind.Array)
        {
            Error(MappingErrorCodes.TypeMismatch, targetPath, $"'{targetPath}' is {ValueWriter.Describe(target.Kind)}, not an array.");
            return null;
        }

        return new MapTargetField(target.Name, target.ElementKind, false) { Fields = target.Fields, AllowedValues = target.AllowedValues };
    }

    private MapValue Literal(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return MapValue.True;
            case JsonValueKind.False:
                return MapValue.False;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return MapValue.Null;
        }

        var bytes = value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(value.GetString()!) : Encoding.UTF8.GetBytes(value.GetRawText());
        var start = _literals.Count;
        _literals.AddRange(bytes);
        var kind = value.ValueKind switch
        {
            JsonValueKind.String => ValueKind.String,
            JsonValueKind.Number => ValueKind.Number,
            JsonValueKind.Object => ValueKind.Object,
            _ => ValueKind.Array,
        };
        return new MapValue(kind, ValueStore.Literal, start, bytes.Length);
    }

    private static MapTargetKind KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => MapTargetKind.String,
        JsonValueKind.Number => value.TryGetInt64(out _) ? MapTargetKind.Integer : MapTargetKind.Number,
        JsonValueKind.True or JsonValueKind.False => MapTargetKind.Boolean,
        JsonValueKind.Object => MapTargetKind.Object,
        JsonValueKind.Array => MapTargetKind.Array,
        _ => MapTargetKind.Any,
    };

    private static ConstantEval Placeholder() => new(MapValue.Absent);

    private void Error(string code, string path, string message) => _errors.Add(new MapDefinitionError(code, path, message));

    /// <summary>Stands for "the unmapped source fields" in the field list.</summary>
    private sealed record UnmappedMarker : ValueRule
    {
        public static readonly UnmappedMarker Instance = new();

        public override string Describe() => "unmapped source fields";
    }
}
