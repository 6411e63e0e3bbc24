using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Testing.Fixtures.Internal;

namespace Connectivity.Testing.Fixtures;

/// <summary>
/// Realistic vendor payloads, shaped exactly as the simulated CRM (Salesforce style), ERP (Business Central style) and
/// service platform (ServiceNow style) of <c>Connectivity.Testing.Simulators</c> produce them: records with their system
/// fields, list pages with their next links, and webhook envelopes. Feed them to an inbound map, a webhook endpoint
/// or a connector under test. Every call returns a fresh copy, so a test may change it.
/// </summary>
/// <remarks>
/// Names are the file paths under <c>Fixtures/Payloads</c> without <c>.json</c>: <c>crm/account</c>,
/// <c>erp/customers-page</c>, <c>service/work-order-display-values</c>, <c>service/webhook</c>, … (see <see cref="Names"/>).
/// </remarks>
public static partial class VendorPayloads
{
    /// <summary>Gets the names of every payload, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. PayloadResources.All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets a payload as UTF-8 JSON.</summary>
    /// <param name="name">The payload's name, e.g. <c>crm/account</c>.</param>
    /// <returns>A fresh copy of the payload's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or names no payload.</exception>
    public static byte[] Get(string name)
    {
        Guard.Against.NullOrWhiteSpace(name);
        if (!PayloadResources.All.TryGetValue(name, out var payload))
        {
            throw new ArgumentException($"There is no payload '{name}'; the payloads are {string.Join(", ", Names)}.", nameof(name));
        }

        return payload.ToArray();
    }

    /// <summary>Gets a payload as a JSON object.</summary>
    /// <param name="name">The payload's name, e.g. <c>crm/account</c>.</param>
    /// <returns>A fresh, mutable copy of the payload.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or names no payload.</exception>
    public static JsonObject GetJson(string name) => JsonNode.Parse(Get(name))!.AsObject();
}
