using System.Globalization;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Sync;

namespace Connectivity.Testing.Conformance.Internal;

/// <summary>One write the harness made through a sync destination, with its answer.</summary>
internal sealed record DeliveryAttempt(OutboxMessage Message, DeliveryResult Result)
{
    public string System => Message.Destination.Split('/')[1];

    public string EntityType => Message.Headers[SyncFlowDefinition.EntityTypeHeader];

    public string CanonicalId => Message.Headers[SyncFlowDefinition.CanonicalIdHeader];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{EntityType} {CanonicalId} to {System} (message {Message.Id})");
}
