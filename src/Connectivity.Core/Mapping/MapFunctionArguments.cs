using System.Text;
using Connectivity.Mapping.Internal;

namespace Connectivity.Mapping;

/// <summary>The argument values of one call of a <see cref="MapFunction"/>; valid only during the call.</summary>
public readonly ref struct MapFunctionArguments
{
    private readonly ReadOnlySpan<byte> _input;
    private readonly RecordState _state;
    private readonly MapProgram _program;
    private readonly int _first;

    internal MapFunctionArguments(ReadOnlySpan<byte> input, RecordState state, MapProgram program, int first, int count)
    {
        _input = input;
        _state = state;
        _program = program;
        _first = first;
        Count = count;
    }

    /// <summary>Gets the number of arguments.</summary>
    public int Count { get; }

    /// <summary>Gets whether argument <paramref name="index"/> is absent or JSON null.</summary>
    /// <param name="index">The argument index.</param>
    /// <returns><see langword="true"/> when there is no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public bool IsNullOrAbsent(int index) => Value(index).IsAbsentOrNull;

    /// <summary>Gets argument <paramref name="index"/> as text: a string's content, a number's digits, <c>true</c>/<c>false</c>, or an object's or array's JSON; <see langword="null"/> when absent or null.</summary>
    /// <param name="index">The argument index.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public string? GetText(int index)
    {
        var value = Value(index);
        return value.IsAbsentOrNull ? null : Encoding.UTF8.GetString(Bytes(value));
    }

    /// <summary>Gets argument <paramref name="index"/> as UTF-8 text without allocating (see <see cref="GetText"/>).</summary>
    /// <param name="index">The argument index.</param>
    /// <returns>The UTF-8 bytes; empty when absent or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ReadOnlySpan<byte> GetUtf8(int index)
    {
        var value = Value(index);
        return value.IsAbsentOrNull ? default : Bytes(value);
    }

    /// <summary>Reads argument <paramref name="index"/> (a number, or a string holding one) as an exact decimal.</summary>
    /// <param name="index">The argument index.</param>
    /// <param name="value">The number.</param>
    /// <returns><see langword="true"/> when the argument is a number a decimal holds exactly.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public bool TryGetDecimal(int index, out decimal value)
    {
        value = 0;
        var argument = Value(index);
        if (argument.Kind is not (ValueKind.Number or ValueKind.String))
        {
            return false;
        }

        var bytes = ValueText.Trim(Bytes(argument));
        return ValueText.FitsDecimalExactly(bytes) && ValueText.TryParseDecimal(bytes, out value);
    }

    private MapValue Value(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _state.ValueStack[_first + index];
    }

    private ReadOnlySpan<byte> Bytes(MapValue value) => new EvalContext(_input, _state, _program).Bytes(value);
}
