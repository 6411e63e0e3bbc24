using Connectivity.Idempotency;
using Microsoft.Extensions.Options;

namespace Connectivity.Core.Tests.Idempotency;

public sealed class InMemoryIdempotencyStoreTests : IdempotencyStoreConformanceTests
{
    private InMemoryIdempotencyStore? _store;

    protected override IIdempotencyStore CreateStore(IOptions<IdempotencyOptions> options) => _store ??= new InMemoryIdempotencyStore(options, Time);
}
