namespace Connectivity.Testing.Fakes;

/// <summary>One change as a <see cref="FakeSystem"/>'s change feed delivers it (a webhook, a message): what a sync flow receives.</summary>
/// <param name="System">The name of the system the change comes from.</param>
/// <param name="EntityType">The entity type.</param>
/// <param name="RemoteId">The system's id of the record.</param>
/// <param name="CanonicalJson">The record after the change, as UTF-8 JSON.</param>
/// <param name="DeliveryId">The id of the delivery; a duplicate delivery carries the same id.</param>
/// <param name="Sequence">The change's sequence number in the system (increasing in the order the changes were made).</param>
public sealed record FakeDelivery(string System, string EntityType, string RemoteId, ReadOnlyMemory<byte> CanonicalJson, string DeliveryId, long Sequence);
