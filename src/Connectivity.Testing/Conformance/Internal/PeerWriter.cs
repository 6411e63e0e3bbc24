using System.Text.Json.Nodes;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Testing.Fakes;

namespace Connectivity.Testing.Conformance.Internal;

/// <summary>
/// Writes to a fake peer as a well-behaved connector would: a record the payload names by its remote id (<c>externalReferences</c>)
/// is updated in place, anything else is created through the fake's own writer (idempotent by message id).
/// </summary>
internal sealed class PeerWriter(FakeSystem peer, string destination, string entityType) : IDestinationWriter
{
    private readonly FakeDestinationWriter _create = peer.Writer(destination, entityType);

    public string Destination => destination;

    public async ValueTask<DeliveryResult> WriteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(message.Payload.Span) as JsonObject;
        var remoteId = (payload?["externalReferences"] as JsonArray)?
            .OfType<JsonObject>()
            .Where(r => (string?)r["system"] == peer.Name)
            .Select(static r => (string?)r["remoteId"])
            .FirstOrDefault();
        if (payload is null || remoteId is null || peer.Find(entityType, remoteId) is null)
        {
            return await _create.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }

        peer.Edit(entityType, remoteId, record =>
        {
            record.Clear();
            foreach (var (name, value) in payload)
            {
                record[name] = value?.DeepClone();
            }
        });
        return DeliveryResult.DeliveredAs(remoteId);
    }
}
