using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connectivity.Testing.Simulators.Internal;
using Microsoft.AspNetCore.Http;

namespace Connectivity.Testing.Simulators;

/// <summary>
/// A simulated ERP in the style of the Dynamics 365 Business Central API v2.0 (OData), rooted at
/// <c>/api/v2.0/companies(&lt;companyId&gt;)</c>: entity sets <c>customers</c>, <c>projects</c>, <c>contracts</c>,
/// <c>entitlements</c>, <c>assets</c>, <c>workOrders</c> and <c>salesInvoices</c>; paged reads filtered by <c>lastModifiedDateTime</c>; optimistic concurrency with
/// <c>@odata.etag</c> and <c>If-Match</c>; upsert by <c>externalNo</c>. The package README lists the exact shapes.
/// </summary>
public sealed partial class SimulatedErp : SimulatedSystem
{
    private const int MaxPageSize = 20000;
    private const string JsonContentType = "application/json; odata.metadata=minimal; charset=utf-8";

    private static readonly Dictionary<string, string> NumberPrefixes = new(StringComparer.Ordinal)
    {
        ["customers"] = "C",
        ["projects"] = "PR",
        ["contracts"] = "CT",
        ["entitlements"] = "EN",
        ["assets"] = "FA",
        ["workOrders"] = "SWO",
        ["salesInvoices"] = "SI",
    };

    private static readonly HashSet<string> SystemFields = new(StringComparer.Ordinal) { "@odata.etag", "@odata.context", "id", "number", "lastModifiedDateTime" };

    /// <summary>The company id used when none is given.</summary>
    public static readonly Guid DefaultCompanyId = new("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");

    /// <summary>Initializes a new instance of the <see cref="SimulatedErp"/> class with default options and <see cref="DefaultCompanyId"/>.</summary>
    public SimulatedErp()
        : this(new SimulatorOptions(), DefaultCompanyId)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedErp"/> class with <see cref="DefaultCompanyId"/>.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its time provider is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SimulatedErp(SimulatorOptions options)
        : this(options, DefaultCompanyId)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedErp"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <param name="companyId">The id of the one company the API serves.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its time provider is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SimulatedErp(SimulatorOptions options, Guid companyId)
        : base("erp", [.. NumberPrefixes.Keys], options)
    {
        CompanyId = companyId;
    }

    /// <summary>Gets the id of the one company the API serves.</summary>
    public Guid CompanyId { get; }

    private protected override string ApiRootPath => $"/api/v2.0/companies({CompanyId:D})";

    /// <summary>Formats a time as Business Central does: <c>2026-11-25T10:00:00.123Z</c>.</summary>
    /// <param name="timestamp">The time.</param>
    /// <returns>The UTC time with milliseconds and <c>Z</c>.</returns>
    public static string FormatDateTime(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private protected override string NewId(string table, long ordinal) => Guid.NewGuid().ToString("D");

    private protected override bool IsSystemField(string field) => SystemFields.Contains(field);

    private protected override void Stamp(StoredRecord record)
    {
        record.Data["@odata.etag"] = ETag(record);
        record.Data["id"] = record.Id;
        record.Data["number"] = NumberPrefixes[record.Table] + record.Ordinal.ToString("D5", CultureInfo.InvariantCulture);
        record.Data["lastModifiedDateTime"] = FormatDateTime(record.Modified);
    }

    private protected override async Task HandleApiAsync(HttpContext context)
    {
        var match = PathPattern().Match(context.Request.Path.Value ?? string.Empty);
        if (!match.Success || !Guid.TryParse(match.Groups["company"].Value, out var company) || company != CompanyId)
        {
            await WriteNotFoundPathAsync(context).ConfigureAwait(false);
            return;
        }

        var set = match.Groups["set"].Value;
        if (!Tables.Contains(set, StringComparer.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, SimErrorKind.NotFound, $"Resource not found for the segment '{set}'.").ConfigureAwait(false);
            return;
        }

        var method = context.Request.Method;
        if (!match.Groups["key"].Success)
        {
            await (HttpMethods.IsGet(method) ? ListAsync(context, set)
                : HttpMethods.IsPost(method) ? CreateAsync(context, set)
                : WriteMethodNotAllowedAsync(context)).ConfigureAwait(false);
            return;
        }

        var key = match.Groups["key"].Value;
        var external = ExternalKeyPattern().Match(key);
        string? externalNo = external.Success ? external.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal) : null;
        if (externalNo is null && !Guid.TryParse(key.Trim('\''), out _))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, $"The key '{key}' is neither an id (GUID) nor externalNo='<value>'.").ConfigureAwait(false);
            return;
        }

        StoredRecord? Lookup() => externalNo is null ? Find(set, key.Trim('\'')) : SelectBy(set, "externalNo", externalNo).FirstOrDefault();
        if (HttpMethods.IsGet(method))
        {
            await WriteRecordAsync(context, set, Lookup(), StatusCodes.Status200OK).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPatch(method))
        {
            await UpdateAsync(context, set, Lookup, externalNo).ConfigureAwait(false);
        }
        else
        {
            await WriteMethodNotAllowedAsync(context).ConfigureAwait(false);
        }
    }

    private protected override Task WriteErrorAsync(HttpContext context, int status, SimErrorKind kind, string message)
    {
        var code = kind switch
        {
            SimErrorKind.Unauthorized => "Authentication_InvalidCredentials",
            SimErrorKind.NotFound => "BadRequest_NotFound",
            SimErrorKind.MethodNotAllowed => "BadRequest_MethodNotAllowed",
            SimErrorKind.PreconditionFailed => "Request_EntityChanged",
            SimErrorKind.TooManyRequests => "Application_TooManyRequests",
            SimErrorKind.ServiceUnavailable => "Application_ServiceUnavailable",
            _ => "BadRequest",
        };
        return SimJson.WriteAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, JsonContentType);
    }

    private static string ETag(StoredRecord record) =>
        $"W/\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"'{record.Sequence};'")))}\"";

    private async Task ListAsync(HttpContext context, string set)
    {
        var query = context.Request.Query;
        var filterText = query["$filter"].ToString();
        var since = long.MinValue;
        string? externalNo = null;
        foreach (var term in filterText.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var modified = ModifiedFilterPattern().Match(term);
            var external = ExternalFilterPattern().Match(term);
            if (modified.Success && DateTimeOffset.TryParse(modified.Groups["value"].Value.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                since = parsed.UtcTicks;
            }
            else if (external.Success)
            {
                externalNo = external.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
            }
            else
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest,
                    $"The filter term '{term}' is not supported; use lastModifiedDateTime gt <ISO 8601> and/or externalNo eq '<value>'.").ConfigureAwait(false);
                return;
            }
        }

        var top = MaxPageSize;
        if (query.TryGetValue("$top", out var topText)
            && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxPageSize))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, $"$top must be between 1 and {MaxPageSize}.").ConfigureAwait(false);
            return;
        }

        var after = (Ticks: long.MinValue, Id: string.Empty);
        if (query.TryGetValue("$skiptoken", out var skipToken))
        {
            if (KeysetToken.Decode(skipToken.ToString()) is not { } token || token.Table != set)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, "The $skiptoken is not valid.").ConfigureAwait(false);
                return;
            }

            after = (token.AfterTicks, token.AfterId);
        }

        var body = new JsonObject { ["@odata.context"] = $"{BaseAddress}api/v2.0/$metadata#companies({CompanyId:D})/{set}" };
        lock (Gate)
        {
            var records = Select(set, r => r.Modified.UtcTicks > since
                && (externalNo is null || string.Equals(SimJson.KeyText(r.Data["externalNo"]), externalNo, StringComparison.Ordinal))
                && (r.Modified.UtcTicks > after.Ticks || (r.Modified.UtcTicks == after.Ticks && string.CompareOrdinal(r.Id, after.Id) > 0)));
            records.Sort(static (a, b) => a.Modified != b.Modified ? a.Modified.CompareTo(b.Modified) : string.CompareOrdinal(a.Id, b.Id));
            body["value"] = new JsonArray([.. records.Take(top).Select(static r => r.Data.DeepClone())]);
            if (records.Count > top)
            {
                var last = records[top - 1];
                var token = new KeysetToken(set, last.Modified.UtcTicks, last.Id, 0, top, 0, string.Empty).Encode();
                var filter = filterText.Length > 0 ? $"$filter={Uri.EscapeDataString(filterText)}&" : string.Empty;
                body["@odata.nextLink"] = $"{ApiRoot}{set}?{filter}$top={top.ToString(CultureInfo.InvariantCulture)}&$skiptoken={token}";
            }
        }

        await SimJson.WriteAsync(context, StatusCodes.Status200OK, body, JsonContentType).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context, string set)
    {
        if (await SimJson.ReadObjectAsync(context).ConfigureAwait(false) is not { } fields)
        {
            await WriteNotAnObjectAsync(context).ConfigureAwait(false);
            return;
        }

        await WriteRecordAsync(context, set, Insert(set, fields), StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, string set, Func<StoredRecord?> lookup, string? externalNo)
    {
        if (await SimJson.ReadObjectAsync(context).ConfigureAwait(false) is not { } fields)
        {
            await WriteNotAnObjectAsync(context).ConfigureAwait(false);
            return;
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.PreconditionRequired,
                "Could not validate the client concurrency token required by the service. Send an If-Match header with the record's @odata.etag, or *.").ConfigureAwait(false);
            return;
        }

        StoredRecord? record;
        var status = StatusCodes.Status200OK;
        lock (Gate)
        {
            record = lookup();
            if (record is null && externalNo is not null && ifMatch == "*")
            {
                fields["externalNo"] = externalNo;
                record = Insert(set, fields);
                status = StatusCodes.Status201Created;
            }
            else if (record is not null && (ifMatch == "*" || ifMatch == ETag(record)))
            {
                Modify(record, fields);
            }
            else if (record is not null)
            {
                status = StatusCodes.Status412PreconditionFailed;
            }
        }

        if (status == StatusCodes.Status412PreconditionFailed)
        {
            await WriteErrorAsync(context, status, SimErrorKind.PreconditionFailed,
                "Another user has already changed the record; the If-Match etag is stale. Read the record again and retry.").ConfigureAwait(false);
            return;
        }

        await WriteRecordAsync(context, set, record, status).ConfigureAwait(false);
    }

    private async Task WriteRecordAsync(HttpContext context, string set, StoredRecord? record, int status)
    {
        JsonObject? body;
        lock (Gate)
        {
            body = record?.Data.DeepClone().AsObject();
        }

        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, SimErrorKind.NotFound, $"The {set} does not exist. Identification fields and values: {context.Request.Path}").ConfigureAwait(false);
            return;
        }

        context.Response.Headers.ETag = (string?)body["@odata.etag"];
        if (status == StatusCodes.Status201Created)
        {
            context.Response.Headers.Location = $"{ApiRoot}{set}({body["id"]})";
        }

        await SimJson.WriteAsync(context, status, body, JsonContentType).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^/api/v2\.0/companies\((?<company>[^)]*)\)/(?<set>[A-Za-z]+)(?:\((?<key>.*)\))?$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^externalNo='(?<value>(?:[^']|'')*)'$")]
    private static partial Regex ExternalKeyPattern();

    [GeneratedRegex(@"^lastModifiedDateTime gt (?<value>\S.*)$")]
    private static partial Regex ModifiedFilterPattern();

    [GeneratedRegex(@"^externalNo eq '(?<value>(?:[^']|'')*)'$")]
    private static partial Regex ExternalFilterPattern();
}
