using System.Text;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Connectivity.Testing.Fakes.Internal;

namespace Connectivity.Testing.Fakes;

/// <summary>One record of a <see cref="FakeSystem"/> as it was at one moment: an immutable snapshot.</summary>
public sealed class FakeRecord
{
    private readonly byte[] _json;

    internal FakeRecord(string system, string entityType, string remoteId, byte[] json, long version, long sequence, DateTimeOffset modifiedAt)
    {
        System = system;
        EntityType = entityType;
        RemoteId = remoteId;
        _json = json;
        Version = version;
        Sequence = sequence;
        ModifiedAt = modifiedAt;
    }

    /// <summary>Gets the name of the system that holds the record.</summary>
    public string System { get; }

    /// <summary>Gets the entity type.</summary>
    public string EntityType { get; }

    /// <summary>Gets the system's id of the record.</summary>
    public string RemoteId { get; }

    /// <summary>Gets the record as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> CanonicalJson => _json;

    /// <summary>Gets the record's version: 1 when created, one more with each change.</summary>
    public long Version { get; }

    /// <summary>Gets the sequence number of the record's last change (unique in the system, increasing with each change).</summary>
    public long Sequence { get; }

    /// <summary>Gets when the record was last changed, on the system's clock; records changed at the same instant tie.</summary>
    public DateTimeOffset ModifiedAt { get; }

    /// <summary>Gets the record as a new <see cref="JsonObject"/> of the caller's own; changing it does not change the system.</summary>
    /// <returns>The record.</returns>
    public JsonObject ToJsonObject() => (JsonObject)JsonNode.Parse(_json)!;

    /// <summary>Gets the value at a path (<c>name</c>, <c>billingAddress.city</c>, <c>contacts[0].email</c>) as text: a string as is,
    /// any other value as JSON.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The value, or <see langword="null"/> when it is missing or null.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, white space or not a path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public string? GetText(string path) => JsonPath.SelectText(ToJsonObject(), Guard.Against.NullOrWhiteSpace(path));

    /// <summary>Gets the record as it reads in an assertion message.</summary>
    /// <returns>The entity type, remote id, version and JSON.</returns>
    public override string ToString() => $"{EntityType} {RemoteId} v{Version}: {Encoding.UTF8.GetString(_json)}";
}
