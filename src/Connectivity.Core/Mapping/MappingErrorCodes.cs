namespace Connectivity.Mapping;

/// <summary>Stable error codes of the mapping engine. The full list is in <c>docs/error-codes.md</c>.</summary>
public static class MappingErrorCodes
{
    /// <summary>A required value is absent, null or blank.</summary>
    public const string RequiredValueMissing = "CNX1001";

    /// <summary>A value map has no entry for the value and no default.</summary>
    public const string UnknownMappedValue = "CNX1002";

    /// <summary>A value could not be converted (not a number, not a date, not a boolean).</summary>
    public const string ConversionFailed = "CNX1003";

    /// <summary>A number cannot be held exactly by the target type; it is refused rather than rounded.</summary>
    public const string PrecisionLoss = "CNX1004";

    /// <summary>A value has a JSON type the target field does not accept.</summary>
    public const string WrongValueType = "CNX1005";

    /// <summary>The record is not well-formed JSON (truncated, trailing data, invalid UTF-8, too deeply nested).</summary>
    public const string MalformedRecord = "CNX1006";

    /// <summary>A host function failed or threw.</summary>
    public const string FunctionFailed = "CNX1007";

    /// <summary>The record is larger than the configured limit.</summary>
    public const string RecordTooLarge = "CNX1008";

    /// <summary>The mapped output could not be read as the target entity type.</summary>
    public const string EntityNotReadable = "CNX1009";

    /// <summary>The map document is not well-formed JSON.</summary>
    public const string DocumentSyntax = "CNX1101";

    /// <summary>The map document has a property or rule the format does not know.</summary>
    public const string UnknownRule = "CNX1102";

    /// <summary>A rule refers to a value map that is not defined.</summary>
    public const string UnknownValueMap = "CNX1103";

    /// <summary>A rule calls a function the host has not registered.</summary>
    public const string UnknownFunction = "CNX1104";

    /// <summary>A rule writes a target field the target model does not have.</summary>
    public const string UnknownTargetField = "CNX1105";

    /// <summary>A rule produces a value of a type the target field cannot take.</summary>
    public const string TypeMismatch = "CNX1106";

    /// <summary>A source or target path is not valid path syntax.</summary>
    public const string InvalidPath = "CNX1107";

    /// <summary>A rule's arguments are missing or invalid (a bad date format, a negative length).</summary>
    public const string InvalidRule = "CNX1108";

    /// <summary>Two rules write the same target field.</summary>
    public const string DuplicateTarget = "CNX1109";

    /// <summary>A rule has no source (nothing to copy, no constant, no function) or more than one.</summary>
    public const string AmbiguousRule = "CNX1110";
}
