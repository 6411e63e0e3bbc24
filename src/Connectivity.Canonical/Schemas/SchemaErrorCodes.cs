namespace Connectivity.Canonical.Schemas;

/// <summary>Stable error codes for canonical schema validation. The full list is in <c>docs/error-codes.md</c>.</summary>
public static class SchemaErrorCodes
{
    /// <summary>The document is not well-formed JSON.</summary>
    public const string InvalidJson = "CNX3000";

    /// <summary>A required property is missing.</summary>
    public const string RequiredPropertyMissing = "CNX3001";

    /// <summary>A value has the wrong JSON type (a string where a number belongs, a null where a value is required).</summary>
    public const string WrongType = "CNX3002";

    /// <summary>A string does not match the pattern its property requires (currency, country code).</summary>
    public const string PatternMismatch = "CNX3003";

    /// <summary>A property is not part of the schema; fields the model does not have belong in <c>customFields</c>.</summary>
    public const string UnknownProperty = "CNX3004";

    /// <summary>A value is not one of the allowed values (a lifecycle stage, a kind).</summary>
    public const string NotAllowedValue = "CNX3005";

    /// <summary>A number, string or array is outside its allowed range or length.</summary>
    public const string OutOfRange = "CNX3006";

    /// <summary>A string is not in its required format (date, date-time, e-mail).</summary>
    public const string InvalidFormat = "CNX3007";

    /// <summary>Any other schema violation.</summary>
    public const string Other = "CNX3099";
}
