using Connectivity.Testing.Conformance;
using Connectivity.Testing.Fakes;

namespace Connectivity.Testing.Tests.Conformance;

/// <summary>The kit run against a <see cref="FakeSystem"/> connector that behaves, with the fake's change feed as its polling reader.</summary>
public sealed class FakeSystemConformanceTests : FakeServiceWorkOrderConnector
{
    protected override ValueTask<ConformancePage?> ReadChangesAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var page = Target.ReadChangesSince("workOrder", cursor, pageSize);
        return ValueTask.FromResult<ConformancePage?>(new ConformancePage([.. page.Records.Select(static r => new ConformanceRecord(r.RemoteId, r.CanonicalJson))], page.Cursor, page.HasMore));
    }
}
