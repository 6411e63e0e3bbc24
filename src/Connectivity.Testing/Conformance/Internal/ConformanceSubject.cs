using System.Text.Json.Nodes;
using Connectivity.Delivery;
using Connectivity.Mapping;
using Connectivity.Ownership;

namespace Connectivity.Testing.Conformance.Internal;

/// <summary>What a derived conformance class says about the connector under test, read once per test.</summary>
internal sealed record ConformanceSubject(
    string System,
    string EntityType,
    OwnershipPolicy Policy,
    CompiledMap InboundMap,
    Func<IDestinationWriter> CreateWriter,
    Func<CancellationToken, ValueTask<IReadOnlyList<ConformanceRecord>>> ReadTarget,
    Func<int, JsonObject> CreateSample,
    IReadOnlyDictionary<string, Action<JsonObject>> Edits,
    ConformanceReference? Parent,
    Func<int, JsonObject> CreateParentSample,
    Func<IDestinationWriter?> CreateParentWriter,
    Func<string?, int, CancellationToken, ValueTask<ConformancePage?>> ReadChanges);
