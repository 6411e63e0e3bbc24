using System.Text.Json.Serialization;
using Connectivity.Canonical.Serialization;

namespace Connectivity.Canonical;

/// <summary>The lifecycle stages of an <see cref="Invoice"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<InvoiceStage>))]
public enum InvoiceStage
{
    /// <summary>Being prepared; may still change.</summary>
    Draft,

    /// <summary>Posted to the ledger and sent; immutable but for payments.</summary>
    Posted,

    /// <summary>Some of it paid.</summary>
    PartiallyPaid,

    /// <summary>Paid in full.</summary>
    Paid,

    /// <summary>Cancelled after posting (credited).</summary>
    Void,
}
