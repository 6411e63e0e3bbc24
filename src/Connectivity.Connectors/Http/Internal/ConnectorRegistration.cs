namespace Connectivity.Connectors.Http.Internal;

/// <summary>Marks a connector name as registered, so a second registration of the same name adds no second handler chain.</summary>
internal sealed record ConnectorRegistration(string Name, Type ConnectorType);
