using Ardalis.GuardClauses;

namespace Connectivity.Testing.Conformance;

/// <summary>A record as your system reports it: its remote id and its payload, the JSON your inbound map reads.</summary>
public sealed record ConformanceRecord
{
    /// <summary>Initializes a new instance of the <see cref="ConformanceRecord"/> class.</summary>
    /// <param name="remoteId">The record's id in your system.</param>
    /// <param name="payload">The record as your system reports it (UTF-8 JSON, a JSON object).</param>
    /// <exception cref="ArgumentException"><paramref name="remoteId"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="remoteId"/> is <see langword="null"/>.</exception>
    public ConformanceRecord(string remoteId, ReadOnlyMemory<byte> payload)
    {
        RemoteId = Guard.Against.NullOrWhiteSpace(remoteId);
        Payload = payload;
    }

    /// <summary>Gets the record's id in your system.</summary>
    public string RemoteId { get; }

    /// <summary>Gets the record as your system reports it.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <inheritdoc />
    public override string ToString() => RemoteId;
}
