using System.Globalization;
using System.Text.Json.Nodes;
using Connectivity.Testing.Simulators.Internal;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Testing.Simulators;

/// <summary>
/// A simulated CRM in the style of the Salesforce REST API, rooted at <c>/services/data/v60.0</c>: objects
/// <c>Account</c>, <c>Opportunity</c>, <c>Change_Order__c</c> and <c>Invoice__c</c>; paged queries by
/// <c>LastModifiedDate</c>; create, update and upsert by external id. The package README lists the exact shapes.
/// </summary>
public sealed class SimulatedCrm : SimulatedSystem
{
    /// <summary>The API version in every path.</summary>
    public const string ApiVersion = "v60.0";

    private const string Root = "/services/data/" + ApiVersion;
    private const int DefaultLimit = 200;
    private const int MaxLimit = 2000;

    private static readonly Dictionary<string, string> KeyPrefixes = new(StringComparer.Ordinal)
    {
        ["Account"] = "001",
        ["Opportunity"] = "006",
        ["Change_Order__c"] = "a01",
        ["Invoice__c"] = "a02",
    };

    private static readonly HashSet<string> SystemFields = new(StringComparer.Ordinal) { "attributes", "Id", "CreatedDate", "LastModifiedDate", "SystemModstamp" };

    /// <summary>Initializes a new instance of the <see cref="SimulatedCrm"/> class with default options.</summary>
    public SimulatedCrm()
        : this(new SimulatorOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedCrm"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its time provider is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SimulatedCrm(SimulatorOptions options)
        : base("crm", [.. KeyPrefixes.Keys], options)
    {
    }

    private protected override string ApiRootPath => Root;

    /// <summary>Formats a time as Salesforce does: <c>2026-11-25T10:00:00.000+0000</c>.</summary>
    /// <param name="timestamp">The time.</param>
    /// <returns>The UTC time with milliseconds and an offset without colon.</returns>
    public static string FormatDateTime(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    private protected override string NewId(string table, long ordinal) => SalesforceIds.Create(KeyPrefixes[table], ordinal);

    private protected override bool IsSystemField(string field) => SystemFields.Contains(field);

    private protected override void Stamp(StoredRecord record)
    {
        record.Data["attributes"] = new JsonObject { ["type"] = record.Table, ["url"] = $"{Root}/sobjects/{record.Table}/{record.Id}" };
        record.Data["Id"] = record.Id;
        record.Data["CreatedDate"] = FormatDateTime(record.Created);
        record.Data["LastModifiedDate"] = FormatDateTime(record.Modified);
        record.Data["SystemModstamp"] = FormatDateTime(record.Modified);
    }

    private protected override async Task HandleApiAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Root, StringComparison.Ordinal, out var rest))
        {
            await WriteNotFoundPathAsync(context).ConfigureAwait(false);
            return;
        }

        var segments = rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = context.Request.Method;
        switch (segments)
        {
            case ["query"] when HttpMethods.IsGet(method):
                await QueryAsync(context).ConfigureAwait(false);
                break;
            case ["query", var cursor] when HttpMethods.IsGet(method):
                await ContinueQueryAsync(context, cursor).ConfigureAwait(false);
                break;
            case ["sobjects", var type, ..] when !Tables.Contains(type, StringComparer.Ordinal):
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, SimErrorKind.NotFound, $"The requested resource does not exist: sObject type '{type}' is not supported.").ConfigureAwait(false);
                break;
            case ["sobjects", var type] when HttpMethods.IsPost(method):
                await CreateAsync(context, type).ConfigureAwait(false);
                break;
            case ["sobjects", var type, var id] when HttpMethods.IsGet(method):
                await GetAsync(context, Find(type, id)).ConfigureAwait(false);
                break;
            case ["sobjects", var type, var id] when HttpMethods.IsPatch(method):
                await UpdateAsync(context, type, id).ConfigureAwait(false);
                break;
            case ["sobjects", var type, var field, var value] when HttpMethods.IsGet(method):
                await GetAsync(context, SelectBy(type, field, value).FirstOrDefault()).ConfigureAwait(false);
                break;
            case ["sobjects", var type, var field, var value] when HttpMethods.IsPatch(method):
                await UpsertAsync(context, type, field, value).ConfigureAwait(false);
                break;
            case ["query", ..] or ["sobjects", ..]:
                await WriteMethodNotAllowedAsync(context).ConfigureAwait(false);
                break;
            default:
                await WriteNotFoundPathAsync(context).ConfigureAwait(false);
                break;
        }
    }

    private protected override Task WriteErrorAsync(HttpContext context, int status, SimErrorKind kind, string message)
    {
        var code = kind switch
        {
            SimErrorKind.BadRequest => "MALFORMED_QUERY",
            SimErrorKind.Unauthorized => "INVALID_SESSION_ID",
            SimErrorKind.NotFound => "NOT_FOUND",
            SimErrorKind.MethodNotAllowed => "METHOD_NOT_ALLOWED",
            SimErrorKind.MultipleChoices => "MULTIPLE_CHOICES",
            SimErrorKind.TooManyRequests => "REQUEST_LIMIT_EXCEEDED",
            SimErrorKind.ServiceUnavailable => "SERVER_UNAVAILABLE",
            _ => "INVALID_FIELD",
        };
        return SimJson.WriteAsync(context, status, new JsonArray(new JsonObject { ["errorCode"] = code, ["message"] = message }));
    }

    private async Task QueryAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("q"))
        {
            await BadQueryAsync(context, "SOQL is not simulated; use ?object=<name>&modifiedSince=<ISO 8601>&limit=<n>.").ConfigureAwait(false);
            return;
        }

        var type = query["object"].ToString();
        if (!Tables.Contains(type, StringComparer.Ordinal))
        {
            await BadQueryAsync(context, $"sObject type '{type}' is not supported; the objects are {string.Join(", ", Tables)}.").ConfigureAwait(false);
            return;
        }

        var since = long.MinValue;
        if (query.TryGetValue("modifiedSince", out var sinceText))
        {
            if (!TryParseDateTime(sinceText.ToString(), out var parsed))
            {
                await BadQueryAsync(context, $"modifiedSince '{sinceText}' is not an ISO 8601 date-time.").ConfigureAwait(false);
                return;
            }

            since = parsed.UtcTicks;
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            await BadQueryAsync(context, $"limit must be between 1 and {MaxLimit}.").ConfigureAwait(false);
            return;
        }

        JsonObject page;
        lock (Gate)
        {
            var total = Select(type, r => r.Modified.UtcTicks > since).Count;
            page = Page(new KeysetToken(type, since, string.Empty, since, limit, total, string.Empty));
        }

        await SimJson.WriteAsync(context, StatusCodes.Status200OK, page).ConfigureAwait(false);
    }

    private async Task ContinueQueryAsync(HttpContext context, string cursor)
    {
        if (KeysetToken.Decode(cursor) is not { } token || !Tables.Contains(token.Table, StringComparer.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, $"The query locator '{cursor}' is not valid.").ConfigureAwait(false);
            return;
        }

        JsonObject page;
        lock (Gate)
        {
            page = Page(token);
        }

        await SimJson.WriteAsync(context, StatusCodes.Status200OK, page).ConfigureAwait(false);
    }

    /// <summary>One page after the token's position, ordered by LastModifiedDate then Id. Keyset paging: no gap or repeat.</summary>
    private JsonObject Page(KeysetToken token)
    {
        var records = Select(token.Table, r => r.Modified.UtcTicks > token.SinceTicks && IsAfter(r, token.AfterTicks, token.AfterId));
        records.Sort(static (a, b) => a.Modified != b.Modified ? a.Modified.CompareTo(b.Modified) : string.CompareOrdinal(a.Id, b.Id));
        var page = records.Take(token.PageSize).ToList();
        var done = records.Count <= token.PageSize;
        var result = new JsonObject
        {
            ["totalSize"] = token.TotalSize,
            ["done"] = done,
        };
        if (!done)
        {
            var last = page[^1];
            result["nextRecordsUrl"] = $"{Root}/query/{(token with { AfterTicks = last.Modified.UtcTicks, AfterId = last.Id }).Encode()}";
        }

        result["records"] = new JsonArray([.. page.Select(static r => r.Data.DeepClone())]);
        return result;
    }

    private static bool IsAfter(StoredRecord record, long afterTicks, string afterId) =>
        record.Modified.UtcTicks > afterTicks || (record.Modified.UtcTicks == afterTicks && string.CompareOrdinal(record.Id, afterId) > 0);

    private async Task GetAsync(HttpContext context, StoredRecord? found)
    {
        JsonNode? body;
        lock (Gate)
        {
            body = found?.Data.DeepClone();
        }

        await (body is null
            ? WriteErrorAsync(context, StatusCodes.Status404NotFound, SimErrorKind.NotFound, "The requested resource does not exist")
            : SimJson.WriteAsync(context, StatusCodes.Status200OK, body)).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context, string type)
    {
        if (await SimJson.ReadObjectAsync(context).ConfigureAwait(false) is not { } fields)
        {
            await WriteNotAnObjectAsync(context).ConfigureAwait(false);
            return;
        }

        var id = Insert(type, fields).Id;
        context.Response.Headers.Location = $"{Root}/sobjects/{type}/{id}";
        await SimJson.WriteAsync(context, StatusCodes.Status201Created, new JsonObject { ["id"] = id, ["success"] = true, ["errors"] = new JsonArray() }).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, string type, string id)
    {
        if (await SimJson.ReadObjectAsync(context).ConfigureAwait(false) is not { } fields)
        {
            await WriteNotAnObjectAsync(context).ConfigureAwait(false);
            return;
        }

        lock (Gate)
        {
            if (Find(type, id) is { } record)
            {
                Modify(record, fields);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
        }

        await WriteErrorAsync(context, StatusCodes.Status404NotFound, SimErrorKind.NotFound, "The requested resource does not exist").ConfigureAwait(false);
    }

    private async Task UpsertAsync(HttpContext context, string type, string field, string value)
    {
        if (await SimJson.ReadObjectAsync(context).ConfigureAwait(false) is not { } fields)
        {
            await WriteNotAnObjectAsync(context).ConfigureAwait(false);
            return;
        }

        if (IsSystemField(field))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, $"'{field}' cannot be used as an external id field.").ConfigureAwait(false);
            return;
        }

        fields[field] = value;
        StoredRecord? record = null;
        var created = false;
        int matches;
        lock (Gate)
        {
            var existing = SelectBy(type, field, value);
            matches = existing.Count;
            if (matches == 0)
            {
                record = Insert(type, fields);
                created = true;
            }
            else if (matches == 1)
            {
                record = existing[0];
                Modify(record, fields);
            }
        }

        if (record is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status300MultipleChoices, SimErrorKind.MultipleChoices, $"{matches} records of {type} have {field} = '{value}'.").ConfigureAwait(false);
            return;
        }

        var body = new JsonObject { ["id"] = record.Id, ["success"] = true, ["errors"] = new JsonArray(), ["created"] = created };
        await SimJson.WriteAsync(context, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private Task BadQueryAsync(HttpContext context, string message) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, message);

    /// <summary>Parses ISO 8601 with <c>Z</c>, <c>+00:00</c> or Salesforce's <c>+0000</c>; a <c>+</c> decoded to a space by an unencoded query string is put back.</summary>
    private static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        text = text.Trim().Replace(' ', '+');
        if (text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            text = text[..^2] + ":" + text[^2..];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
