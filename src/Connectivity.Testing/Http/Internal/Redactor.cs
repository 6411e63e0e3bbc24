using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Connectivity.Testing.Http.Internal;

/// <summary>Turns live requests and responses into recorded ones, applying the redaction rules everywhere a secret can hide.</summary>
internal static class Redactor
{
    public static async Task<RecordedRequest> RecordAsync(HttpRequestMessage request, RedactionRules rules, CancellationToken cancellationToken)
    {
        var recorded = new RecordedRequest { Method = request.Method.Method, Uri = RedactUri(request.RequestUri!, rules) };
        CopyHeaders(request.Headers, recorded.Headers, rules);
        if (request.Content is not null)
        {
            CopyHeaders(request.Content.Headers, recorded.Headers, rules);
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            (recorded.Body, recorded.BodyBase64) = Body(body, request.Content.Headers.ContentType, rules);
        }

        return recorded;
    }

    public static async Task<RecordedResponse> RecordAsync(HttpResponseMessage response, RedactionRules rules, CancellationToken cancellationToken)
    {
        var recorded = new RecordedResponse { Status = (int)response.StatusCode };
        CopyHeaders(response.Headers, recorded.Headers, rules);
        CopyHeaders(response.Content.Headers, recorded.Headers, rules);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        (recorded.Body, recorded.BodyBase64) = Body(body, response.Content.Headers.ContentType, rules);
        return recorded;
    }

    public static string RedactUri(Uri uri, RedactionRules rules)
    {
        if (string.IsNullOrEmpty(uri.Query))
        {
            return uri.AbsoluteUri;
        }

        var parts = uri.Query.TrimStart('?').Split('&').Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            return equals >= 0 && rules.QueryParameters.Contains(name) ? $"{part[..equals]}={Uri.EscapeDataString(RedactionRules.Redacted)}" : part;
        });
        return new UriBuilder(uri) { Query = string.Join('&', parts) }.Uri.AbsoluteUri;
    }

    public static string? RedactBodyText(string? body, MediaTypeHeaderValue? contentType, RedactionRules rules)
    {
        if (body is null || body.Length == 0)
        {
            return body;
        }

        var media = contentType?.MediaType ?? string.Empty;
        if (media.Contains("json", StringComparison.OrdinalIgnoreCase) || body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('['))
        {
            try
            {
                var node = JsonNode.Parse(body);
                if (Redact(node, rules))
                {
                    return node!.ToJsonString();
                }

                return body;
            }
            catch (JsonException)
            {
                return body;
            }
        }

        if (media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return string.Join('&', body.Split('&').Select(part =>
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString((equals < 0 ? part : part[..equals]).Replace('+', ' '));
                return equals >= 0 && rules.BodyProperties.Contains(name) ? $"{part[..equals]}={Uri.EscapeDataString(RedactionRules.Redacted)}" : part;
            }));
        }

        return body;
    }

    private static (string? Text, string? Base64) Body(byte[] body, MediaTypeHeaderValue? contentType, RedactionRules rules)
        => body.Length == 0 ? (null, null)
            : Utf8.IsValid(body) ? (RedactBodyText(Encoding.UTF8.GetString(body), contentType, rules), null)
            : (null, Convert.ToBase64String(body));

    private static bool Redact(JsonNode? node, RedactionRules rules)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    if (rules.BodyProperties.Contains(name) && value is not null)
                    {
                        obj[name] = RedactionRules.Redacted;
                        changed = true;
                    }
                    else
                    {
                        changed |= Redact(value, rules);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    changed |= Redact(item, rules);
                }

                break;
        }

        return changed;
    }

    private static void CopyHeaders(HttpHeaders headers, SortedDictionary<string, string> into, RedactionRules rules)
    {
        foreach (var (name, values) in headers)
        {
            into[name] = rules.Headers.Contains(name) ? RedactionRules.Redacted : string.Join(", ", values);
        }
    }
}
