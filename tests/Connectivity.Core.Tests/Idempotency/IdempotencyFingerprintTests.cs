using Connectivity.Idempotency;

namespace Connectivity.Core.Tests.Idempotency;

public sealed class IdempotencyFingerprintTests
{
    [Fact]
    public void Compute_ReturnsLowerCaseSha256Hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", IdempotencyFingerprint.Compute("abc"u8));
    }

    [Fact]
    public void Compute_DifferentRequests_DifferentFingerprints()
    {
        Assert.NotEqual(IdempotencyFingerprint.Compute("{\"a\":1}"u8), IdempotencyFingerprint.Compute("{\"a\":2}"u8));
    }
}
