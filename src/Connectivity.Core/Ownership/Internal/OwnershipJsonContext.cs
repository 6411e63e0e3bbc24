using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connectivity.Ownership.Internal;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(OwnershipPolicyDocument))]
internal sealed partial class OwnershipJsonContext : JsonSerializerContext;
