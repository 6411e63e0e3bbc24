namespace Connectivity.Testing.Simulators.Internal;

/// <summary>What the faults decided for one API request: an error status (0 for none), its <c>Retry-After</c>, and a delay.</summary>
internal readonly record struct RequestFault(int Status, int RetryAfterSeconds, TimeSpan Delay);
