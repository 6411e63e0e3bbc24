using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Testing.Simulators.Internal;

/// <summary>JSON reading and writing of the simulated APIs: no HTML escaping, so <c>+0000</c> and <c>'</c> appear as the vendors send them.</summary>
internal static class SimJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    public static byte[] SerializeToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    public static async Task WriteAsync(HttpContext context, int status, JsonNode? body, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        if (body is null)
        {
            return;
        }

        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(Serialize(body), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the request body as a JSON object; <see langword="null"/> when it is JSON but not an object.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        return node as JsonObject;
    }

    /// <summary>The text of a scalar value as a key: strings as they are, other values as their JSON.</summary>
    public static string? KeyText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(Options),
    };
}
