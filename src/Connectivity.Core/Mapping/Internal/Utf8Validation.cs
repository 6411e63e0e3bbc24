using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace Connectivity.Mapping.Internal;

/// <summary>
/// Checks that a whole record is well-formed UTF-8, with the same answer as <see cref="Utf8.IsValid"/>. Records are
/// mostly ASCII with a few accented names scattered through them; <see cref="Utf8.IsValid"/> leaves its vector loop at
/// every non-ASCII character, which made the check about a tenth of a record's mapping time. With AVX2 this walks 32
/// bytes at a time: three table lookups on the nibbles of each byte and the byte before it find the errors of a pair of
/// bytes, and a saturating subtract on the bytes two and three before says where a continuation byte must be (the
/// lookup algorithm of Keiser and Lemire, "Validating UTF-8 In Less Than One Instruction Per Byte", 2021, as
/// simdjson and simdutf use it), so non-ASCII text costs a few instructions per block, not a branch per character.
/// Other processors use <see cref="Utf8.IsValid"/>.
/// </summary>
internal static class Utf8Validation
{
    // What a pair of bytes (the byte before and this byte) can be wrong about; each table below sets the bits its
    // nibble allows, so a bit that survives all three lookups is an error, except the "must be a continuation" case.
    private const byte TooShort = 1 << 0;      // 11______ 0_______ or 11______ 11______ (a lead not followed by a continuation)
    private const byte TooLong = 1 << 1;       // 0_______ 10______ (a continuation after ASCII)
    private const byte Overlong3 = 1 << 2;     // 11100000 100_____
    private const byte TooLarge = 1 << 3;      // 11110100 1001____, 11110100 101_____ (above U+10FFFF)
    private const byte Surrogate = 1 << 4;     // 11101101 101_____ (U+D800 to U+DFFF)
    private const byte Overlong2 = 1 << 5;     // 1100000_ 10______
    // These two share a bit: the first byte's low nibble (0000 against 0101 and up) tells them apart in the second table.
    private const byte TooLarge1000 = 1 << 6;  // 11110101+ 1000____
    private const byte Overlong4 = 1 << 6;     // 11110000 1000____
    private const byte TwoContinuations = 1 << 7; // 10______ 10______ (fine only as the third or fourth byte)
    private const byte Carry = TooShort | TooLong | TwoContinuations;

    private const int BlockSize = 32;

    // Indexed by the high nibble of the byte before.
    private static ReadOnlySpan<byte> FirstHighTable =>
    [
        TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
        TwoContinuations, TwoContinuations, TwoContinuations, TwoContinuations,
        TooShort | Overlong2,
        TooShort,
        TooShort | Overlong3 | Surrogate,
        TooShort | TooLarge | TooLarge1000 | Overlong4,
    ];

    // Indexed by the low nibble of the byte before.
    private static ReadOnlySpan<byte> FirstLowTable =>
    [
        Carry | Overlong3 | Overlong2 | Overlong4,
        Carry | Overlong2,
        Carry,
        Carry,
        Carry | TooLarge,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000 | Surrogate,
        Carry | TooLarge | TooLarge1000,
        Carry | TooLarge | TooLarge1000,
    ];

    // Indexed by the high nibble of this byte.
    private static ReadOnlySpan<byte> SecondHighTable =>
    [
        TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
        TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge1000 | Overlong4,
        TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge,
        TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
        TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
        TooShort, TooShort, TooShort, TooShort,
    ];

    // A block whose last three bytes start a sequence longer than what is left of the block continues in the next.
    private static ReadOnlySpan<byte> IncompleteLimitTable =>
    [
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0b11110000 - 1, 0b11100000 - 1, 0b11000000 - 1,
    ];

    /// <summary>Whether <paramref name="bytes"/> is well-formed UTF-8 (no overlong forms, surrogates, or values above U+10FFFF).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
        => Avx2.IsSupported && bytes.Length >= BlockSize ? IsValidAvx2(bytes) : Utf8.IsValid(bytes);

    private static bool IsValidAvx2(ReadOnlySpan<byte> bytes)
    {
        // The same 16 entries in both 128-bit lanes: the AVX2 byte shuffle looks up within each lane.
        var firstHigh = Vector256.Create(Vector128.Create(FirstHighTable));
        var firstLow = Vector256.Create(Vector128.Create(FirstLowTable));
        var secondHigh = Vector256.Create(Vector128.Create(SecondHighTable));
        var incompleteLimit = Vector256.Create(IncompleteLimitTable);

        // Kept in registers through the loop (no ref parameters, no stackalloc here).
        var error = Vector256<byte>.Zero;
        var previous = Vector256<byte>.Zero;
        var incomplete = Vector256<byte>.Zero;
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var offset = 0;
        for (; offset <= bytes.Length - BlockSize; offset += BlockSize)
        {
            var block = Vector256.LoadUnsafe(ref start, (nuint)offset);
            if (block.ExtractMostSignificantBits() == 0)
            {
                // ASCII: fine, unless the block before ended inside a sequence.
                error |= incomplete;
            }
            else
            {
                error |= Errors(block, previous, firstHigh, firstLow, secondHigh);
                incomplete = Avx2.SubtractSaturate(block, incompleteLimit);
            }

            previous = block;
        }

        if (offset < bytes.Length)
        {
            // The rest, padded with zeros: a sequence cut short by the end of the record meets ASCII and fails inside the block.
            var block = Tail(bytes[offset..]);
            if (block.ExtractMostSignificantBits() != 0)
            {
                error |= Errors(block, previous, firstHigh, firstLow, secondHigh);
                incomplete = Avx2.SubtractSaturate(block, incompleteLimit);
            }
        }

        error |= incomplete;
        return error == Vector256<byte>.Zero;
    }

    /// <summary>The error bits of one block that is not all ASCII, given the block before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Errors(Vector256<byte> block, Vector256<byte> previous, Vector256<byte> firstHigh, Vector256<byte> firstLow, Vector256<byte> secondHigh)
    {
        // The bytes one, two and three places before each byte (the first ones from the block before).
        var carried = Avx2.Permute2x128(previous, block, 0x21);
        var before1 = Avx2.AlignRight(block, carried, 16 - 1);
        var before2 = Avx2.AlignRight(block, carried, 16 - 2);
        var before3 = Avx2.AlignRight(block, carried, 16 - 3);

        var special = Avx2.Shuffle(firstHigh, HighNibble(before1))
            & Avx2.Shuffle(firstLow, before1 & Vector256.Create((byte)0x0F))
            & Avx2.Shuffle(secondHigh, HighNibble(block));

        // The third byte of a three- or four-byte sequence and the fourth of a four-byte one must be continuations:
        // exactly the places where the two-continuations bit must be set.
        var mustContinue = (Avx2.SubtractSaturate(before2, Vector256.Create((byte)(0b11100000 - 0x80)))
            | Avx2.SubtractSaturate(before3, Vector256.Create((byte)(0b11110000 - 0x80)))) & Vector256.Create((byte)0x80);
        return mustContinue ^ special;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<byte> Tail(ReadOnlySpan<byte> rest)
    {
        Span<byte> tail = stackalloc byte[BlockSize];
        tail.Clear();
        rest.CopyTo(tail);
        return Vector256.Create<byte>(tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> HighNibble(Vector256<byte> value)
        => Avx2.ShiftRightLogical(value.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F);
}
