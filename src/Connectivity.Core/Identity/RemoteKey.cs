using Ardalis.GuardClauses;

namespace Connectivity.Identity;

/// <summary>A record as a connected system names it: the system, the entity type and the system's own id.</summary>
public readonly record struct RemoteKey
{
    /// <summary>Initializes a new instance of the <see cref="RemoteKey"/> struct.</summary>
    /// <param name="system">The system name.</param>
    /// <param name="entityType">The entity name.</param>
    /// <param name="remoteId">The record's id in the system.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public RemoteKey(string system, string entityType, string remoteId)
    {
        System = Guard.Against.NullOrWhiteSpace(system);
        EntityType = Guard.Against.NullOrWhiteSpace(entityType);
        RemoteId = Guard.Against.NullOrWhiteSpace(remoteId);
    }

    /// <summary>Gets the system name.</summary>
    public string System { get; }

    /// <summary>Gets the entity name.</summary>
    public string EntityType { get; }

    /// <summary>Gets the record's id in the system.</summary>
    public string RemoteId { get; }

    /// <inheritdoc />
    public override string ToString() => $"{System}/{EntityType}/{RemoteId}";
}
