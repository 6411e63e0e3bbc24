using Connectivity.Canonical;
using Connectivity.Mapping;

namespace Connectivity.Samples.UserTests.Acme;

/// <summary>The inbound map, a JSON document an operations team can edit without a rebuild.</summary>
public static class AcmeMaps
{
    public static CompiledMap WorkOrder { get; } =
        MapDocumentLoader.LoadFile("Maps/acme-work-order.map.json", new MapCompilerOptions().AddCanonicalTargets()).Map!;
}
