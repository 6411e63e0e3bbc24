namespace Connectivity.Mapping;

/// <summary>Copies the value at a source path.</summary>
/// <param name="Path">The source path, for example <c>BillingAddress.City</c>, <c>['@odata.etag']</c> or <c>items[0].id</c>.</param>
public sealed record CopyRule(string Path) : ValueRule
{
    /// <inheritdoc />
    public override string Describe() => $"copy {Path}";
}
