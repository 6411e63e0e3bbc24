namespace Connectivity.Mapping;

/// <summary>The value a <see cref="MapFunction"/> produces.</summary>
public readonly record struct MapFunctionResult
{
    private MapFunctionResult(MapFunctionResultKind kind, string? text, decimal number, bool boolean)
    {
        Kind = kind;
        Text = text;
        NumberValue = number;
        BooleanValue = boolean;
    }

    /// <summary>Gets a result that leaves the target field out.</summary>
    public static MapFunctionResult Absent => default;

    /// <summary>Gets a JSON null result.</summary>
    public static MapFunctionResult Null => new(MapFunctionResultKind.Null, null, 0, false);

    /// <summary>Gets what the result holds.</summary>
    public MapFunctionResultKind Kind { get; }

    /// <summary>Gets the string, or the failure message.</summary>
    public string? Text { get; }

    /// <summary>Gets the number.</summary>
    public decimal NumberValue { get; }

    /// <summary>Gets the boolean.</summary>
    public bool BooleanValue { get; }

    /// <summary>A string result.</summary>
    /// <param name="value">The string; <see langword="null"/> gives a JSON null.</param>
    /// <returns>The result.</returns>
    public static MapFunctionResult FromText(string? value) => value is null ? Null : new(MapFunctionResultKind.Text, value, 0, false);

    /// <summary>A number result.</summary>
    /// <param name="value">The exact number.</param>
    /// <returns>The result.</returns>
    public static MapFunctionResult FromNumber(decimal value) => new(MapFunctionResultKind.Number, null, value, false);

    /// <summary>A boolean result.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The result.</returns>
    public static MapFunctionResult FromBoolean(bool value) => new(MapFunctionResultKind.Boolean, null, 0, value);

    /// <summary>A failure: the record gets a <see cref="MappingErrorCodes.FunctionFailed"/> error with this message.</summary>
    /// <param name="message">Why; must not contain secrets or whole payloads.</param>
    /// <returns>The result.</returns>
    public static MapFunctionResult Fail(string message) => new(MapFunctionResultKind.Failure, message, 0, false);
}
