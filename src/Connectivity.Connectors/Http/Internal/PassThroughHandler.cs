namespace Connectivity.Connectors.Http.Internal;

/// <summary>Stands in for the authentication handler of a connector that has none.</summary>
internal sealed class PassThroughHandler : DelegatingHandler;
