using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectivity.Mapping.Internal;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(long))]
internal sealed partial class MapJsonContext : JsonSerializerContext;
