using Ardalis.GuardClauses;

namespace Connectivity.Identity;

/// <summary>
/// An <see cref="IIdentityMap"/> in process memory: for tests and single-process hosts. Thread-safe; canonical
/// ids are version 7 GUIDs (time-ordered) taken from the given clock.
/// </summary>
public sealed class InMemoryIdentityMap : IIdentityMap
{
    private readonly Lock _gate = new();
    private readonly Dictionary<RemoteKey, string> _canonicalByRemote = [];
    private readonly Dictionary<(string EntityType, string CanonicalId), SortedSet<RemoteKey>> _links = [];
    private readonly Dictionary<(string EntityType, string CanonicalId), string> _mergedInto = [];
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="InMemoryIdentityMap"/> class.</summary>
    /// <param name="timeProvider">The clock the time-ordered ids are taken from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public InMemoryIdentityMap(TimeProvider timeProvider)
    {
        _timeProvider = Guard.Against.Null(timeProvider);
    }

    private static IComparer<RemoteKey> LinkOrder { get; } = Comparer<RemoteKey>.Create(static (a, b) =>
    {
        var bySystem = string.CompareOrdinal(a.System, b.System);
        return bySystem != 0 ? bySystem : string.CompareOrdinal(a.RemoteId, b.RemoteId);
    });

    /// <inheritdoc />
    public ValueTask<IdentityResolution> GetOrCreateAsync(RemoteKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_canonicalByRemote.TryGetValue(key, out var existing))
            {
                return new(new IdentityResolution(existing, false));
            }

            var created = Guid.CreateVersion7(_timeProvider.GetUtcNow()).ToString();
            AddLink(key, created);
            return new(new IdentityResolution(created, true));
        }
    }

    /// <inheritdoc />
    public ValueTask<string?> FindAsync(RemoteKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return new(_canonicalByRemote.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="canonicalId"/> is null, empty or white space.</exception>
    public ValueTask<IdentityLinkResult> LinkAsync(RemoteKey key, string canonicalId, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var target = Resolve(key.EntityType, canonicalId);
            if (_canonicalByRemote.TryGetValue(key, out var existing))
            {
                return new(existing == target ? IdentityLinkResult.AlreadyLinked : IdentityLinkResult.LinkedElsewhere);
            }

            AddLink(key, target);
            return new(IdentityLinkResult.Linked);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> UnlinkAsync(RemoteKey key, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_canonicalByRemote.Remove(key, out var canonicalId))
            {
                return new(false);
            }

            var links = _links[(key.EntityType, canonicalId)];
            links.Remove(key);
            if (links.Count == 0)
            {
                _links.Remove((key.EntityType, canonicalId));
            }

            return new(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public ValueTask<IReadOnlyList<RemoteKey>> ListLinksAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<RemoteKey> list = _links.TryGetValue((entityType, Resolve(entityType, canonicalId)), out var links) ? [.. links] : [];
            return new(list);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is null, empty or white space.</exception>
    public ValueTask<string> ResolveAsync(string entityType, string canonicalId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return new(Resolve(entityType, canonicalId));
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An argument is null, empty or white space, or both ids name the same record.</exception>
    public ValueTask<IdentityMergeResult> MergeAsync(string entityType, string survivorId, string mergedId, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(survivorId);
        Guard.Against.NullOrWhiteSpace(mergedId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var survivor = Resolve(entityType, survivorId);
            var merged = Resolve(entityType, mergedId);
            if (survivor == merged)
            {
                throw new ArgumentException($"'{mergedId}' and '{survivorId}' are already the same {entityType}.", nameof(mergedId));
            }

            var moved = new List<RemoteKey>();
            if (_links.Remove((entityType, merged), out var links))
            {
                foreach (var link in links)
                {
                    _canonicalByRemote[link] = survivor;
                    AddToSet(link, survivor);
                    moved.Add(link);
                }
            }

            _mergedInto[(entityType, merged)] = survivor;
            return new(new IdentityMergeResult(survivor, merged, moved));
        }
    }

    private string Resolve(string entityType, string canonicalId)
    {
        var id = canonicalId;
        while (_mergedInto.TryGetValue((entityType, id), out var survivor))
        {
            id = survivor;
        }

        return id;
    }

    private void AddLink(RemoteKey key, string canonicalId)
    {
        _canonicalByRemote[key] = canonicalId;
        AddToSet(key, canonicalId);
    }

    private void AddToSet(RemoteKey key, string canonicalId)
    {
        if (!_links.TryGetValue((key.EntityType, canonicalId), out var set))
        {
            _links[(key.EntityType, canonicalId)] = set = new SortedSet<RemoteKey>(LinkOrder);
        }

        set.Add(key);
    }
}
