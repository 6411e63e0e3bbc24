using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ardalis.GuardClauses;
using Connectivity.Testing.Simulators.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Connectivity.Testing.Simulators;

/// <summary>
/// A simulated service platform in the style of the ServiceNow Table API, rooted at <c>/api/now/table</c>:
/// tables <c>core_company</c>, <c>pm_project</c>, <c>ast_contract</c>, <c>service_entitlement</c>, <c>alm_asset</c> and
/// <c>wm_order</c>; string values, <c>sysparm_display_value</c>, encoded queries on <c>sys_updated_on</c>,
/// offset paging with a <c>Link</c> header. The package README lists the exact shapes, and the same-second
/// rule of <c>sys_updated_on</c>.
/// </summary>
public sealed partial class SimulatedServicePlatform : SimulatedSystem
{
    private const string Root = "/api/now/table";
    private const int DefaultLimit = 10000;
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly Dictionary<string, string?> NumberPrefixes = new(StringComparer.Ordinal)
    {
        ["core_company"] = null,
        ["pm_project"] = "PRJ",
        ["ast_contract"] = "CNTR",
        ["service_entitlement"] = "ENT",
        ["alm_asset"] = "AST",
        ["wm_order"] = "WO",
    };

    private static readonly HashSet<string> SystemFields = new(StringComparer.Ordinal) { "sys_id", "number", "sys_created_on", "sys_updated_on", "sys_mod_count" };

    private readonly Dictionary<string, Dictionary<string, string>> _references = new(StringComparer.Ordinal)
    {
        ["core_company"] = new(StringComparer.Ordinal) { ["parent"] = "core_company" },
        ["pm_project"] = new(StringComparer.Ordinal) { ["company"] = "core_company" },
        ["ast_contract"] = new(StringComparer.Ordinal) { ["company"] = "core_company" },
        ["service_entitlement"] = new(StringComparer.Ordinal) { ["company"] = "core_company", ["asset"] = "alm_asset" },
        ["alm_asset"] = new(StringComparer.Ordinal) { ["company"] = "core_company" },
        ["wm_order"] = new(StringComparer.Ordinal) { ["company"] = "core_company", ["asset"] = "alm_asset" },
    };

    /// <summary>Initializes a new instance of the <see cref="SimulatedServicePlatform"/> class with default options.</summary>
    public SimulatedServicePlatform()
        : this(new SimulatorOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SimulatedServicePlatform"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its time provider is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SimulatedServicePlatform(SimulatorOptions options)
        : base("service", [.. NumberPrefixes.Keys], options)
    {
    }

    private protected override string ApiRootPath => Root;

    /// <summary>Formats a time as the <c>sys_updated_on</c> value: <c>2026-11-25 10:00:00</c>, UTC, whole seconds.</summary>
    /// <param name="timestamp">The time.</param>
    /// <returns>The UTC time to the second.</returns>
    public static string FormatDateTime(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Declares a reference field: with <c>sysparm_display_value</c> its display value is the <c>name</c> (else the
    /// <c>number</c>) of the referenced record, and <c>all</c> adds a <c>link</c>. Every table but
    /// <c>core_company</c> has <c>company</c> → <c>core_company</c>; <c>core_company.parent</c> →
    /// <c>core_company</c>; <c>service_entitlement.asset</c> and <c>wm_order.asset</c> → <c>alm_asset</c>.
    /// </summary>
    /// <param name="table">The table that has the field.</param>
    /// <param name="field">The field that holds a <c>sys_id</c>.</param>
    /// <param name="referencedTable">The table the <c>sys_id</c> belongs to.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A table is not a table of this system, or <paramref name="field"/> is blank.</exception>
    public void AddReferenceField(string table, string field, string referencedTable)
    {
        Guard.Against.UnknownTable(table, Tables, nameof(table));
        Guard.Against.NullOrWhiteSpace(field);
        Guard.Against.UnknownTable(referencedTable, Tables, nameof(referencedTable));
        lock (Gate)
        {
            _references[table][field] = referencedTable;
        }
    }

    private protected override string NewId(string table, long ordinal) => Guid.NewGuid().ToString("N");

    private protected override bool IsSystemField(string field) => SystemFields.Contains(field);

    /// <summary>ServiceNow stores and returns text: <c>{"value": x}</c> is unwrapped, numbers and booleans become their text, null becomes empty.</summary>
    private protected override JsonNode? NormalizeValue(string table, string field, JsonNode? value) => ToText(value);

    private protected override void Stamp(StoredRecord record)
    {
        record.Data["sys_id"] = record.Id;
        if (NumberPrefixes[record.Table] is { } prefix)
        {
            record.Data["number"] = prefix + (10000 + record.Ordinal).ToString("D7", CultureInfo.InvariantCulture);
        }

        record.Data["sys_created_on"] = FormatDateTime(record.Created);
        record.Data["sys_updated_on"] = FormatDateTime(record.Modified);
        record.Data["sys_mod_count"] = (record.Version - 1).ToString(CultureInfo.InvariantCulture);
    }

    private protected override async Task HandleApiAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Root, StringComparison.Ordinal, out var rest))
        {
            await WriteNotFoundPathAsync(context).ConfigureAwait(false);
            return;
        }

        var segments = rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not [var table, ..] || segments.Length > 2)
        {
            await WriteNotFoundPathAsync(context).ConfigureAwait(false);
            return;
        }

        if (!Tables.Contains(table, StringComparer.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, $"Invalid table {table}").ConfigureAwait(false);
            return;
        }

        var display = context.Request.Query["sysparm_display_value"].ToString().ToLowerInvariant();
        var method = context.Request.Method;
        switch (segments)
        {
            case [_] when HttpMethods.IsGet(method):
                await ListAsync(context, table, display).ConfigureAwait(false);
                break;
            case [_] when HttpMethods.IsPost(method):
                await CreateAsync(context, table, display).ConfigureAwait(false);
                break;
            case [_, var id] when HttpMethods.IsGet(method):
                await WriteResultAsync(context, Find(table, id), display, StatusCodes.Status200OK).ConfigureAwait(false);
                break;
            case [_, var id] when HttpMethods.IsPatch(method) || HttpMethods.IsPut(method):
                await UpdateAsync(context, table, id, display).ConfigureAwait(false);
                break;
            default:
                await WriteMethodNotAllowedAsync(context).ConfigureAwait(false);
                break;
        }
    }

    private protected override Task WriteErrorAsync(HttpContext context, int status, SimErrorKind kind, string message)
    {
        var (title, detail) = kind switch
        {
            SimErrorKind.NotFound => ("No Record found", message),
            SimErrorKind.Unauthorized => ("User Not Authenticated", message),
            SimErrorKind.MethodNotAllowed => ("Method not Supported", message),
            SimErrorKind.TooManyRequests => ("Too many requests", message),
            SimErrorKind.ServiceUnavailable => ("Service Unavailable", message),
            _ => (message, (string?)null),
        };
        return SimJson.WriteAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["message"] = title, ["detail"] = detail }, ["status"] = "failure" });
    }

    private static JsonNode ToText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonObject o when o.TryGetPropertyValue("value", out var inner) => ToText(inner),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => value.ToJsonString(SimJson.Options),
    };

    private async Task ListAsync(HttpContext context, string table, string display)
    {
        var query = context.Request.Query;
        var predicates = new List<Func<StoredRecord, bool>>();
        foreach (var term in query["sysparm_query"].ToString().Split('^', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseTerm(term) is { } predicate)
            {
                predicates.Add(predicate);
            }
            else if (term is not "ORDERBYsys_updated_on")
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest,
                    $"The query term '{term}' is not supported; use sys_updated_on>, >=, <, <= 'yyyy-MM-dd HH:mm:ss', <field>=<value>, ORDERBYsys_updated_on, joined with ^.").ConfigureAwait(false);
                return;
            }
        }

        if (!TryReadInt(query["sysparm_limit"], DefaultLimit, 1, out var limit) || !TryReadInt(query["sysparm_offset"], 0, 0, out var offset))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SimErrorKind.BadRequest, "sysparm_limit must be a positive integer and sysparm_offset a non-negative one.").ConfigureAwait(false);
            return;
        }

        JsonArray page;
        int total;
        lock (Gate)
        {
            var records = Select(table, r => predicates.TrueForAll(p => p(r)));
            total = records.Count;
            page = new JsonArray([.. records.Skip(offset).Take(limit).Select(r => Present(r, display))]);
        }

        var links = new List<string> { Link(context, 0, "first") };
        if (offset > 0)
        {
            links.Add(Link(context, Math.Max(0, offset - limit), "prev"));
        }

        if (offset + limit < total)
        {
            links.Add(Link(context, offset + limit, "next"));
        }

        links.Add(Link(context, Math.Max(0, (total - 1) / limit * limit), "last"));
        context.Response.Headers.Link = string.Join(',', links);
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        await SimJson.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["result"] = page }).ConfigureAwait(false);
    }

    /// <summary>
    /// A term of an encoded query. <c>sys_updated_on</c> and <c>sys_created_on</c> compare at whole seconds, as the
    /// value has no more: <c>&gt;</c> means a later second, <c>&gt;=</c> the same second or later.
    /// </summary>
    private static Func<StoredRecord, bool>? ParseTerm(string term)
    {
        var time = TimeTermPattern().Match(term);
        if (time.Success)
        {
            if (!DateTime.TryParseExact(time.Groups["value"].Value, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
            {
                return null;
            }

            var created = time.Groups["field"].Value == "sys_created_on";
            var operation = time.Groups["op"].Value;
            return r =>
            {
                var at = created ? r.Created.UtcDateTime : r.Modified.UtcDateTime;
                var second = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
                var comparison = second.CompareTo(value);
                return operation switch
                {
                    ">" => comparison > 0,
                    ">=" => comparison >= 0,
                    "<" => comparison < 0,
                    _ => comparison <= 0,
                };
            };
        }

        var equality = EqualityTermPattern().Match(term);
        if (equality.Success)
        {
            var field = equality.Groups["field"].Value;
            var expected = equality.Groups["value"].Value;
            return r => string.Equals(SimJson.KeyText(r.Data[field]) ?? string.Empty, expected, StringComparison.Ordinal);
        }

        return null;
    }

    private static bool TryReadInt(StringValues text, int defaultValue, int minimum, out int value)
    {
        value = defaultValue;
        return StringValues.IsNullOrEmpty(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum);
    }

    private string Link(HttpContext context, int offset, string relation)
    {
        var pairs = context.Request.Query
            .Where(static q => q.Key != "sysparm_offset")
            .Select(static q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("sysparm_offset", offset.ToString(CultureInfo.InvariantCulture)));
        return $"<{new Uri(BaseAddress, context.Request.Path.Value!.TrimStart('/'))}{QueryString.Create(pairs)}>;rel=\"{relation}\"";
    }

    private async Task CreateAsync(HttpContext context, string table, string display)
    {
        if (await SimJson.ReadObjectAsync(context).ConfigureAwait(false) is not { } fields)
        {
            await WriteNotAnObjectAsync(context).ConfigureAwait(false);
            return;
        }

        var record = Insert(table, fields);
        context.Response.Headers.Location = new Uri(BaseAddress, $"{Root.TrimStart('/')}/{table}/{record.Id}").ToString();
        await WriteResultAsync(context, record, display, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, string table, string id, string display)
    {
        if (await SimJson.ReadObjectAsync(context).ConfigureAwait(false) is not { } fields)
        {
            await WriteNotAnObjectAsync(context).ConfigureAwait(false);
            return;
        }

        StoredRecord? record;
        lock (Gate)
        {
            record = Find(table, id);
            if (record is not null)
            {
                Modify(record, fields);
            }
        }

        await WriteResultAsync(context, record, display, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private async Task WriteResultAsync(HttpContext context, StoredRecord? record, string display, int status)
    {
        JsonObject? result;
        lock (Gate)
        {
            result = record is null ? null : Present(record, display);
        }

        await (result is null
            ? WriteErrorAsync(context, StatusCodes.Status404NotFound, SimErrorKind.NotFound, "Record doesn't exist or ACL restricts the record retrieval")
            : SimJson.WriteAsync(context, status, new JsonObject { ["result"] = result })).ConfigureAwait(false);
    }

    /// <summary>The record as the API returns it: plain text values, or with <c>sysparm_display_value</c> <c>true</c> / <c>all</c>.</summary>
    private JsonObject Present(StoredRecord record, string display)
    {
        if (display is not ("true" or "all"))
        {
            return record.Data.DeepClone().AsObject();
        }

        var result = new JsonObject();
        var references = _references[record.Table];
        foreach (var (field, node) in record.Data)
        {
            var value = SimJson.KeyText(node) ?? string.Empty;
            var displayValue = value;
            string? link = null;
            if (references.TryGetValue(field, out var referenced) && value.Length > 0)
            {
                var target = Find(referenced, value);
                displayValue = SimJson.KeyText(target?.Data["name"]) ?? SimJson.KeyText(target?.Data["number"]) ?? string.Empty;
                link = new Uri(BaseAddress, $"{Root.TrimStart('/')}/{referenced}/{value}").ToString();
            }

            if (display == "true")
            {
                result[field] = displayValue;
                continue;
            }

            var pair = new JsonObject { ["display_value"] = displayValue, ["value"] = value };
            if (link is not null)
            {
                pair["link"] = link;
            }

            result[field] = pair;
        }

        return result;
    }

    [GeneratedRegex(@"^(?<field>sys_updated_on|sys_created_on)(?<op>>=|<=|>|<)(?<value>.+)$")]
    private static partial Regex TimeTermPattern();

    [GeneratedRegex(@"^(?<field>[A-Za-z_][A-Za-z0-9_.]*)=(?<value>.*)$")]
    private static partial Regex EqualityTermPattern();
}
