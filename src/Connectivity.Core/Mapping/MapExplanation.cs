using System.Text;
using Ardalis.GuardClauses;

namespace Connectivity.Mapping;

/// <summary>What a map does, field by field: for each target field the source paths, rules and functions behind it.</summary>
public sealed class MapExplanation
{
    private MapExplanation(string mapName, IReadOnlyList<FieldExplanation> fields)
    {
        MapName = mapName;
        Fields = fields;
    }

    /// <summary>Gets the map's name.</summary>
    public string MapName { get; }

    /// <summary>Gets the explanation of each target field that has a rule of its own, in write order.</summary>
    public IReadOnlyList<FieldExplanation> Fields { get; }

    /// <summary>Explains a map definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public static MapExplanation Of(MapDefinition definition)
    {
        Guard.Against.Null(definition);
        var fields = new List<FieldExplanation>();
        foreach (var field in definition.Fields)
        {
            Explain(field.TargetPath, field.Rule, string.Empty, fields);
        }

        if (definition.Options.CaptureUnmappedInto is { } unmapped)
        {
            fields.Add(new FieldExplanation(unmapped, ["(every top-level field no rule reads)"], ["capture unmapped"], [], []));
        }

        return new MapExplanation(definition.Name, fields);
    }

    /// <summary>Writes the explanation as aligned text, one field a line.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder().Append("map ").AppendLine(MapName);
        var width = Fields.Count == 0 ? 0 : Fields.Max(static f => f.TargetPath.Length);
        foreach (var field in Fields)
        {
            text.Append("  ").Append(field.TargetPath.PadRight(width)).Append("  <-  ")
                .Append(field.SourcePaths.Count == 0 ? "(no source)" : string.Join(", ", field.SourcePaths))
                .Append("  [").Append(string.Join(" | ", field.Rules)).Append(']');
            if (field.Functions.Count > 0)
            {
                text.Append("  functions: ").Append(string.Join(", ", field.Functions));
            }

            if (field.ValueMaps.Count > 0)
            {
                text.Append("  value maps: ").Append(string.Join(", ", field.ValueMaps));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static void Explain(string targetPath, ValueRule rule, string sourcePrefix, List<FieldExplanation> into)
    {
        switch (rule)
        {
            case ObjectRule obj:
                foreach (var field in obj.Fields)
                {
                    Explain($"{targetPath}.{field.TargetPath}", field.Rule, sourcePrefix, into);
                }

                return;
            case EachRule each when each.Element is ObjectRule element:
                var prefix = Absolute(each.Path, sourcePrefix);
                if (each.Where is not null)
                {
                    into.Add(new FieldExplanation($"{targetPath}[]", ConditionPaths(each.Where, prefix).ToArray(), [$"each {each.Path} where {each.Where}"], [], []));
                }

                foreach (var field in element.Fields)
                {
                    Explain($"{targetPath}[].{field.TargetPath}", field.Rule, prefix, into);
                }

                return;
            case ArrayRule array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Explain($"{targetPath}[{i}]", array.Items[i], sourcePrefix, into);
                }

                return;
        }

        var sources = new List<string>();
        var functions = new List<string>();
        Collect(rule, sourcePrefix, sources, functions);
        var rules = new List<string> { rule.Describe() };
        rules.AddRange(rule.Transforms.Select(static t => t.ToString()));
        var valueMaps = rule.Transforms.Where(static t => t.Kind == ValueTransformKind.ValueMap).Select(static t => t.Text!).ToList();
        into.Add(new FieldExplanation(targetPath, sources.Distinct(StringComparer.Ordinal).ToArray(), rules, functions.Distinct(StringComparer.Ordinal).ToArray(), valueMaps));
    }

    private static void Collect(ValueRule rule, string prefix, List<string> sources, List<string> functions)
    {
        switch (rule)
        {
            case CopyRule copy:
                sources.Add(Absolute(copy.Path, prefix));
                break;
            case ConcatRule concat:
                concat.Parts.ToList().ForEach(p => Collect(p, prefix, sources, functions));
                break;
            case FunctionRule function:
                functions.Add(function.Name);
                function.Arguments.ToList().ForEach(a => Collect(a, prefix, sources, functions));
                break;
            case ConditionRule condition:
                sources.AddRange(ConditionPaths(condition.Condition, prefix));
                Collect(condition.Then, prefix, sources, functions);
                if (condition.Otherwise is not null)
                {
                    Collect(condition.Otherwise, prefix, sources, functions);
                }

                break;
            case CoalesceRule coalesce:
                coalesce.Candidates.ToList().ForEach(c => Collect(c, prefix, sources, functions));
                break;
            case PickRule pick:
                var element = Absolute(pick.Path, prefix);
                sources.AddRange(ConditionPaths(pick.Where, element));
                Collect(pick.Value, element, sources, functions);
                break;
            case EachRule each:
                Collect(each.Element, Absolute(each.Path, prefix), sources, functions);
                break;
            case ObjectRule obj:
                obj.Fields.ToList().ForEach(f => Collect(f.Rule, prefix, sources, functions));
                break;
            case ArrayRule array:
                array.Items.ToList().ForEach(i => Collect(i, prefix, sources, functions));
                break;
        }
    }

    private static IEnumerable<string> ConditionPaths(MapCondition condition, string prefix)
        => condition.Path is null
            ? condition.Conditions.SelectMany(c => ConditionPaths(c, prefix))
            : [Absolute(condition.Path, prefix)];

    private static string Absolute(string path, string prefix)
        => path.StartsWith('$') ? path.TrimStart('$').TrimStart('.') : prefix.Length == 0 ? path : path.StartsWith('[') ? prefix + path : $"{prefix}.{path}";
}
