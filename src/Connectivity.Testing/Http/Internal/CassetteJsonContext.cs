using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectivity.Testing.Http.Internal;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HttpCassette))]
internal sealed partial class CassetteJsonContext : JsonSerializerContext;
