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

    /// <summary>Sets a query parameter, replacing any value it had.</summary>
    public static Uri Set(Uri uri, string name, string value)
    {
        var builder = new UriBuilder(uri);
        var escapedName = Uri.EscapeDataString(name);
        var kept = builder.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(p.Split('=', 2)[0], escapedName, StringComparison.Ordinal) && !string.Equals(Uri.UnescapeDataString(p.Split('=', 2)[0]), name, StringComparison.Ordinal))
            .Append($"{escapedName}={Uri.EscapeDataString(value)}");
        builder.Query = string.Join('&', kept);
        return builder.Uri;
    }
}
