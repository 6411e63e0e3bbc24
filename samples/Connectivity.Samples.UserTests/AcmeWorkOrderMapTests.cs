using Connectivity.Samples.UserTests.Acme;
using Connectivity.Testing.Mapping;

namespace Connectivity.Samples.UserTests;

/// <summary>The inbound map against a golden file: Fixtures/acme-work-orders.golden.json is what it must produce.</summary>
public sealed class AcmeWorkOrderMapTests
{
    [Fact]
    public void AcmeWorkOrder_Fixtures_MapAsApproved() => MapVerifier.Verify(AcmeMaps.WorkOrder, "Fixtures/acme-work-orders.ndjson");
}
