namespace Connectivity.Mapping;

/// <summary>
/// Maps each element of a source array (optionally filtered) to one element of a target array. A path with
/// several <c>[*]</c> flattens nested arrays (<c>orders[*].lines[*]</c>). Paths inside
/// <see cref="Element"/> and <see cref="Where"/> are relative to the element; a leading <c>$.</c> reads from the record root.
/// </summary>
/// <param name="Path">The source array, ending in <c>[*]</c>, for example <c>Contacts.records[*]</c>.</param>
/// <param name="Element">The rule producing each target element.</param>
/// <param name="Where">The filter; every element when <see langword="null"/>.</param>
public sealed record EachRule(string Path, ValueRule Element, MapCondition? Where) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"each {Path}{(Where is null ? string.Empty : $" where {Where}")}: {Element.Describe()}";
}
