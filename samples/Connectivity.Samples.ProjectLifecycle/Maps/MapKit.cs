using Connectivity.Canonical;
using Connectivity.Mapping;

namespace Connectivity.Samples.ProjectLifecycle.Maps;

/// <summary>Shared settings of the sample's maps.</summary>
internal static class MapKit
{
    /// <summary>Inbound maps read "", " " and "UNKNOWN" as null: ServiceNow returns "" for an empty field.</summary>
    public static MapOptions Inbound { get; } = MapOptions.Default with { NullSentinels = MapOptions.CommonNullSentinels };

    /// <summary>Inbound maps are checked against the canonical model (target fields and types).</summary>
    public static MapCompilerOptions CanonicalTargets() => new MapCompilerOptions().AddCanonicalTargets();

    /// <summary>Outbound maps are refused when they would write a field the target system owns at every stage.</summary>
    public static MapCompilerOptions OwnershipChecked() => new() { Ownership = SamplePolicy.Instance };

    public static ValueMapTable Table(string name, params (string From, string To)[] pairs)
        => ValueMapTable.FromStrings(name, pairs.ToDictionary(static p => p.From, static p => p.To, StringComparer.Ordinal));

    public static RuleBuilder Money(RuleBuilder rule, string amountPath, string currencyPath)
        => rule.ObjectWith(o => o.Field("amount", f => f.Copy(amountPath).AsDecimal()).Field("currency", f => f.Copy(currencyPath)));

    public static RuleBuilder Euros(RuleBuilder rule, string amountPath)
        => rule.ObjectWith(o => o.Field("amount", f => f.Copy(amountPath).AsDecimal()).Field("currency", f => f.When(MapCondition.Exists(amountPath), t => t.Constant("EUR"))));
}
