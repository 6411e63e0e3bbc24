namespace Connectivity.Internal;

/// <summary>Registered once by <c>AddConnectivity</c> so that a second call can tell it has already run.</summary>
internal sealed class ConnectivityMarkerService;
