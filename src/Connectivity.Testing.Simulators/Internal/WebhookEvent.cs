namespace Connectivity.Testing.Simulators.Internal;

/// <summary>A webhook event ready to send: its id (the <c>webhook-id</c>), the record it is about and the exact body.</summary>
internal sealed record WebhookEvent(string Id, string RecordKey, byte[] Body);
