namespace Connectivity.Connectors.Http.Internal;

/// <summary>Sets one query parameter on a URI.</summary>
internal static class QueryString
{
    public static Uri With(Uri uri, string name, string value)
    {
        var pair = $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        if (!uri.IsAbsoluteUri)
        {
            var text = uri.OriginalString;
            return new Uri(text + (text.Contains('?', StringComparison.Ordinal) ? "&" : "?") + pair, UriKind.Relative);
        }

        var builder = new UriBuilder(uri);
        var query = builder.Query.TrimStart('?');
        builder.Query = query.Length == 0 ? pair : $"{query}&{pair}";
        return builder.Uri;
    }
}
