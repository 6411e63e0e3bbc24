using Connectivity.Ownership.Internal;

namespace Connectivity.Core.Tests.Ownership.Internal;

public sealed class FieldPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a.")]
    [InlineData(".a")]
    [InlineData("a..b")]
    [InlineData("[1]")]
    [InlineData("a[x]")]
    [InlineData("a[1]b")]
    [InlineData("a]")]
    public void TryParse_Malformed_ReturnsError(string text)
    {
        Assert.False(FieldPath.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("creditLimit", "creditLimit", true)]
    [InlineData("creditLimit", "creditLimit.amount", true)]
    [InlineData("creditLimit.amount", "creditLimit", false)]
    [InlineData("billingAddress.*", "billingAddress.city", true)]
    [InlineData("billingAddress.*", "shippingAddress.city", false)]
    [InlineData("lines[*].amount", "lines[3].amount", true)]
    [InlineData("lines[*].amount", "lines[3].amount.currency", true)]
    [InlineData("lines[*].amount", "lines[3].text", false)]
    [InlineData("lines[3].amount", "lines[3].amount", true)]
    [InlineData("lines[3].amount", "lines[4].amount", false)]
    [InlineData("lines[3].amount", "lines[*].amount", false)]
    [InlineData("name", "nameSuffix", false)]
    public void Covers_Pattern_MatchesPathAndDescendants(string pattern, string path, bool expected)
        => Assert.Equal(expected, FieldPath.Parse(pattern).Covers(FieldPath.Parse(path)));

    [Fact]
    public void Specificity_NamedSegmentsOutrankWildcards()
    {
        Assert.True(FieldPath.Parse("lines[*].amount").Specificity > FieldPath.Parse("lines[*].*").Specificity);
        Assert.True(FieldPath.Parse("a.b").Specificity > FieldPath.Parse("a").Specificity);
        Assert.True(FieldPath.Parse("lines[2]").Specificity > FieldPath.Parse("lines[*]").Specificity);
    }
}
