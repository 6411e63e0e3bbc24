using System.Text.Json;
using Connectivity.Connectors.Http.Paging.Internal;

namespace Connectivity.Connectors.Entities.Internal;

/// <summary>Reads remote ids out of records and responses.</summary>
internal static class RemoteIds
{
    /// <summary>The string or number at <paramref name="path"/>, or <see langword="null"/> when absent, blank or not readable.</summary>
    public static string? Read(ReadOnlySpan<byte> json, string path)
    {
        try
        {
            return JsonPath.GetString(json, path) is { } id && !string.IsNullOrWhiteSpace(id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The last path segment of a <c>Location</c> header, or <see langword="null"/>.</summary>
    public static string? FromLocation(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?', '#')[0];
        var segment = path.TrimEnd('/');
        var slash = segment.LastIndexOf('/');
        var id = Uri.UnescapeDataString(slash >= 0 ? segment[(slash + 1)..] : segment);
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }

    /// <summary>The first element of a JSON array body, or <see langword="null"/> when the body is not an array or the array is empty.</summary>
    public static ReadOnlyMemory<byte>? FirstElement(ReadOnlyMemory<byte> body)
    {
        try
        {
            var elements = JsonPath.GetArrayElements(body, null);
            return elements.Count > 0 ? elements[0] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsArray(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'[';
        }

        return false;
    }
}
