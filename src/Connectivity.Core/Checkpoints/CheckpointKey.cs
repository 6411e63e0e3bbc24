using Ardalis.GuardClauses;

namespace Connectivity.Checkpoints;

/// <summary>Names one cursor: a connector's stream, in one partition.</summary>
public readonly record struct CheckpointKey
{
    /// <summary>Initializes a new key.</summary>
    /// <param name="connector">The connector name.</param>
    /// <param name="stream">The stream the connector reads (an entity type, an endpoint).</param>
    /// <param name="partition">The partition of the stream (a company, a tenant); empty when the stream has one.</param>
    /// <exception cref="ArgumentException"><paramref name="connector"/> or <paramref name="stream"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CheckpointKey(string connector, string stream, string partition = "")
    {
        Connector = Guard.Against.NullOrWhiteSpace(connector);
        Stream = Guard.Against.NullOrWhiteSpace(stream);
        Partition = Guard.Against.Null(partition);
    }

    /// <summary>Gets the connector name.</summary>
    public string Connector { get; }

    /// <summary>Gets the stream name.</summary>
    public string Stream { get; }

    /// <summary>Gets the partition; empty when the stream has one.</summary>
    public string Partition { get; }
}
