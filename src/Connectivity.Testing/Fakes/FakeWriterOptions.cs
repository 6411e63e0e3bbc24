using System.Text.Json.Serialization.Metadata;

namespace Connectivity.Testing.Fakes;

/// <summary>How a <see cref="FakeDestinationWriter"/> behaves as a target (see <see cref="FakeSystem.Writer"/>).</summary>
public sealed class FakeWriterOptions
{
    /// <summary>Gets or sets whether the target honours the idempotency key (the outbox message id): a repeated message
    /// is answered with the record it wrote the first time, and nothing is written again. Set it to <see langword="false"/>
    /// for a target without idempotency keys, where a repeated create is a second record (see <see cref="FakeSystem.Duplicates"/>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HonoursIdempotencyKey { get; set; } = true;

    /// <summary>Gets or sets a path into the payload (<c>externalId</c>, <c>contacts[0].email</c>) whose value the target upserts
    /// by: a payload with the value of a record already there replaces that record, as an upsert by external key does.</summary>
    /// <value>The default value is <see langword="null"/>: every new message creates a record.</value>
    public string? UpsertKeyPath { get; set; }

    /// <summary>Gets or sets the type the payload must deserialize into, as a real entity writer reads it; a payload that does not
    /// is a permanent failure with <see cref="Delivery.DeliveryErrorCodes.UndeserializablePayload"/>.</summary>
    /// <value>The default value is <see langword="null"/>: any JSON object is accepted.</value>
    public JsonTypeInfo? PayloadType { get; set; }
}
