using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Http.Paging.Internal;
using Connectivity.Mapping;

namespace Connectivity.Connectors.Http.Paging;

/// <summary>One page of a paged read: the raw UTF-8 JSON body and where its records are.</summary>
public sealed class HttpPage
{
    private IReadOnlyList<ReadOnlyMemory<byte>>? _records;

    /// <summary>Initializes a new page.</summary>
    /// <param name="number">The page number, from 1.</param>
    /// <param name="requestUri">The URI the page was read from.</param>
    /// <param name="body">The body, UTF-8 JSON.</param>
    /// <param name="recordsPath">The path of the record array in the body; <see langword="null"/> when the body is the array.</param>
    /// <exception cref="ArgumentException"><paramref name="number"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requestUri"/> is <see langword="null"/>.</exception>
    public HttpPage(int number, Uri requestUri, ReadOnlyMemory<byte> body, string? recordsPath)
    {
        Number = Guard.Against.NegativeOrZero(number);
        RequestUri = Guard.Against.Null(requestUri);
        Body = body;
        RecordsPath = recordsPath;
    }

    /// <summary>Gets the page number, from 1.</summary>
    public int Number { get; }

    /// <summary>Gets the URI the page was read from.</summary>
    public Uri RequestUri { get; }

    /// <summary>Gets the raw body, UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the path of the record array in the body; <see langword="null"/> when the body is the array.</summary>
    public string? RecordsPath { get; }

    /// <summary>Gets the raw UTF-8 JSON of each record, slices of <see cref="Body"/>; empty when the path holds no array.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Records => _records ??= JsonPath.GetArrayElements(Body, RecordsPath);

    /// <summary>
    /// Gets a value indicating whether the read stopped at its page cap (<see cref="PagingStrategy.MaxPages"/>) with more pages left.
    /// Only the last page of a capped read says so.
    /// </summary>
    public bool HasMore { get; internal set; }

    /// <summary>Maps each record to an entity through an inbound map; a record that fails to map gives its errors, and the rest go on.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="map">The inbound map.</param>
    /// <param name="typeInfo">The entity's serialization metadata.</param>
    /// <returns>One result per record, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> or <paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public IEnumerable<MapRecordResult<TEntity>> MapRecords<TEntity>(CompiledMap map, JsonTypeInfo<TEntity> typeInfo)
        where TEntity : class
    {
        Guard.Against.Null(map);
        Guard.Against.Null(typeInfo);
        return Iterate(Records, map, typeInfo);

        static IEnumerable<MapRecordResult<TEntity>> Iterate(IReadOnlyList<ReadOnlyMemory<byte>> records, CompiledMap map, JsonTypeInfo<TEntity> typeInfo)
        {
            foreach (var record in records)
            {
                yield return map.MapToEntity(record.Span, typeInfo);
            }
        }
    }
}
