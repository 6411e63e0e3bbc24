using System.Globalization;

namespace Connectivity.Benchmarks.Mapping;

/// <summary>The map document's rules on .NET strings, shared by the DOM contenders (JsonNode, JObject).</summary>
internal static class AccountRules
{
    private static readonly char[] Blanks = [' ', '\t', '\r', '\n', '\u00A0'];

    private static readonly Dictionary<string, string> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Customer - Direct"] = "DIRECT",
        ["Customer - Channel"] = "CHANNEL",
        ["Partner"] = "PARTNER",
        ["Prospect"] = "PROSPECT",
    };

    private static readonly Dictionary<string, string> PaymentTerms = new(StringComparer.Ordinal)
    {
        ["Net 15"] = "NET15",
        ["Net 30"] = "NET30",
        ["Net 60"] = "NET60",
        ["Due on receipt"] = "DUE",
    };

    /// <summary>The null sentinels of the map: "", " ", "UNKNOWN" and the all-zero GUID.</summary>
    public static string? Sentinel(string? text)
        => text is null or "" or " " or "UNKNOWN" or "00000000-0000-0000-0000-000000000000" ? null : text;

    public static string Trim(string text) => text.Trim(Blanks);

    public static string Category(string type) => Categories.TryGetValue(type, out var code) ? code : "OTHER";

    public static string PaymentTermsCode(string terms) => PaymentTerms.TryGetValue(terms, out var code) ? code : "NET30";

    /// <summary>toDecimal: System.Decimal keeps the scale, so 250000.00 is written back as 250000.00.</summary>
    public static decimal Decimal(string text)
        => decimal.Parse(Trim(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static string DateTime(string text)
        => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static string Date(string text)
        => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string? FullName(string? first, string? last)
        => (first, last) switch
        {
            (null, null) => null,
            (null, _) => last,
            (_, null) => first,
            _ => first + " " + last,
        };
}
