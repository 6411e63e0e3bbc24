using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Connectivity.Sync.Internal;

/// <summary>Source-generated metadata for the JSON the flow writes.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
