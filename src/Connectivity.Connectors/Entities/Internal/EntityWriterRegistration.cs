namespace Connectivity.Connectors.Entities.Internal;

/// <summary>Marks a destination as served by an entity writer, so registering it again adds nothing.</summary>
internal sealed record EntityWriterRegistration(string Destination, string Connector, Type WriterType);
