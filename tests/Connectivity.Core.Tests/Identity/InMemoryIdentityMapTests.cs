using Connectivity.Identity;

namespace Connectivity.Core.Tests.Identity;

public sealed class InMemoryIdentityMapTests : IdentityMapConformanceTests
{
    protected override IIdentityMap CreateMap() => new InMemoryIdentityMap(TimeProvider.System);
}
