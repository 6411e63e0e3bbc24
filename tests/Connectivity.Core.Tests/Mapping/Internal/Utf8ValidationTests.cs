using System.Text;
using System.Text.Unicode;
using Connectivity.Mapping.Internal;

namespace Connectivity.Core.Tests.Mapping.Internal;

/// <summary>
/// <see cref="Utf8Validation"/> must answer exactly as <see cref="Utf8.IsValid"/> does: every one- to four-byte
/// sequence class, at positions around the first two 32-byte block edges and the end, and random damage to real text.
/// The vector path needs AVX2 (x64 since 2013, this project's CI machines included); elsewhere these compare the
/// runtime's answer with itself, and <see cref="Utf8Validation_OnX64_TakesTheVectorPath"/> says which was tested.
/// </summary>
public sealed class Utf8ValidationTests
{
    // Representative bytes of every class the lookup tables tell apart: ASCII, each continuation nibble, each lead
    // byte family, the lead bytes that make overlongs, surrogates and values above U+10FFFF, and the never-valid bytes.
    private static readonly byte[] Interesting =
    [
        0x00, 0x41, 0x7F,
        0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
        0xC0, 0xC1, 0xC2, 0xDF,
        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
        0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF,
    ];

    [Fact]
    public void IsValid_EverySequenceOfUpToFourInterestingBytes_AgreesWithTheRuntimeAtEveryBlockEdge()
    {
        var buffer = new byte[96];
        var checkedCount = 0;
        foreach (var length in new[] { 1, 2, 3, 4 })
        {
            foreach (var sequence in Sequences(length))
            {
                foreach (var position in new[] { 0, 1, 28, 29, 30, 31, 32, 33, 60, 61, 62, 63, 64 - length, 96 - length })
                {
                    Array.Fill(buffer, (byte)'a');
                    sequence.CopyTo(buffer, position);
                    foreach (var total in new[] { position + length, buffer.Length })
                    {
                        var input = buffer.AsSpan(0, total);
                        var expected = Utf8.IsValid(input);
                        if (expected != Utf8Validation.IsValid(input))
                        {
                            Assert.Fail($"{Convert.ToHexString(sequence)} at {position} of {total}: expected {expected}");
                        }

                        checkedCount++;
                    }
                }
            }
        }

        Assert.True(checkedCount > 1_000_000, $"only {checkedCount} inputs checked");
    }

    [Fact]
    public void Utf8Validation_OnX64_TakesTheVectorPath()
    {
        // On x64 without AVX2 the tests above would only compare the runtime with itself: make that visible.
        Assert.True(
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64
                || System.Runtime.Intrinsics.X86.Avx2.IsSupported,
            "this x64 machine has no AVX2, so the vector path is not tested here");
    }

    [Fact]
    public void IsValid_EveryPrefixOfWellFormedText_AgreesWithTheRuntime()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Müller \"Bau\" GmbH — Kraków € 𝄞 ÅÄÖ ok ", 8)));
        for (var length = 0; length <= text.Length; length++)
        {
            var input = text.AsSpan(0, length);
            Assert.Equal(Utf8.IsValid(input), Utf8Validation.IsValid(input));
        }
    }

    [Fact]
    public void IsValid_RandomDamageToRealText_AgreesWithTheRuntime()
    {
        var random = new Random(20261125);
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"Name\":\"Søren & Co. Maintenance\",\"City\":\"Düsseldorf\",\"Note\":\"€ — 𝄞 prioritäre\"}", 6)));
        var invalid = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var input = text.ToArray();
            for (var changes = random.Next(1, 4); changes > 0; changes--)
            {
                input[random.Next(input.Length)] = random.Next(3) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
            }

            var length = random.Next(input.Length + 1);
            var expected = Utf8.IsValid(input.AsSpan(0, length));
            invalid += expected ? 0 : 1;
            if (expected != Utf8Validation.IsValid(input.AsSpan(0, length)))
            {
                Assert.Fail($"round {round}: {Convert.ToHexString(input, 0, length)}: expected {expected}");
            }
        }

        Assert.InRange(invalid, 5_000, 19_000);
    }

    private static IEnumerable<byte[]> Sequences(int length)
    {
        var indexes = new int[length];
        while (true)
        {
            yield return [.. indexes.Select(i => Interesting[i])];
            var digit = length - 1;
            while (digit >= 0 && ++indexes[digit] == Interesting.Length)
            {
                indexes[digit--] = 0;
            }

            if (digit < 0)
            {
                yield break;
            }
        }
    }
}
