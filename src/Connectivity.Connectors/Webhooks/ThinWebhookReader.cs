using System.Text.Json;
using Ardalis.GuardClauses;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http.Paging.Internal;
using Connectivity.Mapping;

namespace Connectivity.Connectors.Webhooks;

/// <summary>
/// Reads a thin webhook: one that names the records that changed but does not carry them. It reads the record ids at a path of the
/// body and re-fetches each record through an <see cref="EntityReader{TEntity}"/> (<see cref="EntityReader{TEntity}.ReadByIdAsync"/>),
/// so what the caller gets is the target's current state, mapped. Immutable and thread-safe when the reader is.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <remarks>
/// <para>The id path is dotted (<c>data.id</c>); <c>[*]</c> reads every element of an array (<c>ids[*]</c>, <c>data[*].id</c>,
/// <c>[*]</c> for a root array). An id may be a JSON string or number.</para>
/// <para>Failures are values: a body that is not JSON or names no id is one <see cref="EntityChangeKind.Failed"/> change with
/// <see cref="EntityErrorCodes.WebhookRecordIdMissing"/>; a record that cannot be fetched or mapped is a failed change naming its id.</para>
/// <para>The records are fetched one after another while the delivery is open, so the number of ids one body may name is capped
/// (<see cref="MaxIds"/>): a body naming more is one failed change with <see cref="EntityErrorCodes.WebhookTooManyRecordIds"/> and
/// nothing is fetched.</para>
/// </remarks>
public sealed class ThinWebhookReader<TEntity>
    where TEntity : class
{
    /// <summary>The cap on the distinct record ids one body may name when none is given (<see cref="MaxIds"/>).</summary>
    public const int DefaultMaxIds = 100;

    private const string Wildcard = "[*]";

    private readonly string _path;
    private readonly string? _arrayPath;
    private readonly string _elementPath;
    private readonly bool _wildcard;

    /// <summary>Initializes a new thin webhook reader that fetches at most <see cref="DefaultMaxIds"/> records per body.</summary>
    /// <param name="reader">The reader that fetches a record by id.</param>
    /// <param name="idPath">The path of the record id(s) in the webhook body, such as <c>data.id</c> or <c>ids[*]</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="idPath"/> is empty or white space, or has more than one <c>[*]</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="idPath"/> is <see langword="null"/>.</exception>
    public ThinWebhookReader(EntityReader<TEntity> reader, string idPath)
        : this(reader, idPath, DefaultMaxIds)
    {
    }

    /// <summary>Initializes a new thin webhook reader.</summary>
    /// <param name="reader">The reader that fetches a record by id.</param>
    /// <param name="idPath">The path of the record id(s) in the webhook body, such as <c>data.id</c> or <c>ids[*]</c>.</param>
    /// <param name="maxIds">The most distinct record ids one body may name; a body naming more is one failed change and nothing is fetched.</param>
    /// <exception cref="ArgumentException"><paramref name="idPath"/> is empty or white space, or has more than one <c>[*]</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="idPath"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIds"/> is less than 1.</exception>
    public ThinWebhookReader(EntityReader<TEntity> reader, string idPath, int maxIds)
    {
        Reader = Guard.Against.Null(reader);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIds);
        MaxIds = maxIds;
        _path = Guard.Against.NullOrWhiteSpace(idPath);
        var wildcard = idPath.IndexOf(Wildcard, StringComparison.Ordinal);
        if (wildcard < 0)
        {
            _elementPath = idPath;
            return;
        }

        var rest = idPath[(wildcard + Wildcard.Length)..];
        if (rest.Contains(Wildcard, StringComparison.Ordinal) || (rest.Length > 0 && rest[0] != '.'))
        {
            throw new ArgumentException($"The id path '{idPath}' may hold one '[*]', followed by the end or by '.'.", nameof(idPath));
        }

        _wildcard = true;
        _arrayPath = wildcard == 0 ? null : idPath[..wildcard];
        _elementPath = rest.TrimStart('.');
    }

    /// <summary>Gets the reader that fetches a record by id.</summary>
    public EntityReader<TEntity> Reader { get; }

    /// <summary>Gets the most distinct record ids one body may name.</summary>
    public int MaxIds { get; }

    /// <summary>Reads the record ids in a webhook body and fetches each record once, in the order the body names them.</summary>
    /// <param name="body">The webhook body, UTF-8 JSON.</param>
    /// <param name="cancellationToken">A token to cancel the reads.</param>
    /// <returns>
    /// One change per distinct id, or one failed change when the body is not JSON, names no id, names a blank one, or names more
    /// than <see cref="MaxIds"/>.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<IReadOnlyList<EntityChange<TEntity>>> ReadAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var ids = ReadIds(body);
        if (ids is null)
        {
            return [EntityChange.Failed<TEntity>(null, [new MapError(EntityErrorCodes.WebhookRecordIdMissing, string.Empty, _path, $"the webhook body names no record id at '{_path}'.")], body)];
        }

        if (ids.Count > MaxIds)
        {
            var message = $"the webhook body names more than {MaxIds} record ids at '{_path}' (the reader's cap); none was fetched.";
            return [EntityChange.Failed<TEntity>(null, [new MapError(EntityErrorCodes.WebhookTooManyRecordIds, string.Empty, _path, message)], body)];
        }

        var changes = new List<EntityChange<TEntity>>(ids.Count);
        foreach (var id in ids)
        {
            changes.Add(await Reader.ReadByIdAsync(id, cancellationToken).ConfigureAwait(false));
        }

        return changes;
    }

    /// <summary>
    /// The distinct ids in order (reading stops at one more than <see cref="MaxIds"/>), or <see langword="null"/> when the body is
    /// not JSON, names none, or any read is blank.
    /// </summary>
    private List<string>? ReadIds(ReadOnlyMemory<byte> body)
    {
        try
        {
            if (!_wildcard)
            {
                return ReadId(body.Span, _elementPath) is { } single ? [single] : null;
            }

            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in JsonPath.GetArrayElements(body, _arrayPath))
            {
                if (ReadId(element.Span, _elementPath) is not { } id)
                {
                    return null;
                }

                if (seen.Add(id))
                {
                    ids.Add(id);
                    if (ids.Count > MaxIds)
                    {
                        break;
                    }
                }
            }

            return ids.Count > 0 ? ids : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadId(ReadOnlySpan<byte> json, string path)
    {
        var id = JsonPath.GetString(json, path);
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }
}
