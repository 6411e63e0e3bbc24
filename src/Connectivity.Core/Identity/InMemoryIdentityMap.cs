using Ardalis.GuardClauses;
using Connectivity.Delivery;

namespace Connectivity.Identity;

/// <summary>
/// An <see cref="IIdentityMap"/> in process memory: for tests and single-process hosts. Thread-safe; canonical
/// ids are version 7 GUIDs (time-ordered) taken from the given clock.
/// </summary>
/// <remarks>
/// <para>
/// A write in an <see cref="InMemoryStoreTransaction"/> is applied at once, under the same lock as any other, so
/// get-or-create stays atomic and the canonical id it returns can be used straight away (linked, merged, listed); if
/// the transaction is disposed without a commit, the write is undone. The in-memory stores do not isolate
/// transactions: other callers see a link before it commits.
/// </para>
/// <para>
/// So that nobody is left holding an id that vanishes, a link created in a transaction is taken over by every
/// caller that gets it back from <see cref="GetOrCreateAsync"/> (or is told <see cref="IdentityLinkResult.AlreadyLinked"/>)
/// before the transaction completes: without a transaction of its own, the link is kept from then on; in one, the
/// link is removed only if every such transaction rolls back. An undo never overwrites a later change: a link that
/// was moved or removed since is left as it is, and an unlink is undone only while the record is still unlinked.
/// </para>
/// </remarks>
public sealed class InMemoryIdentityMap : IIdentityMap
{
    private readonly Lock _gate = new();
    private readonly Dictionary<RemoteKey, string> _canonicalByRemote = [];
    private readonly Dictionary<(string EntityType, string CanonicalId), SortedSet<RemoteKey>> _links = [];
    private readonly Dictionary<(string EntityType, string CanonicalId), string> _mergedInto = [];
    private readonly Dictionary<RemoteKey, PendingLink> _pending = [];
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
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, or <paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    public ValueTask<IdentityResolution> GetOrCreateAsync(RemoteKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        lock (_gate)
        {
            if (_canonicalByRemote.TryGetValue(key, out var existing))
            {
                TakeOver(key, existing, inMemory);
                return new(new IdentityResolution(existing, false));
            }

            var created = Guid.CreateVersion7(_timeProvider.GetUtcNow()).ToString();
            AddLink(key, created, inMemory);
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
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, <paramref name="canonicalId"/> is null, empty or white space, or <paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    public ValueTask<IdentityLinkResult> LinkAsync(RemoteKey key, string canonicalId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        Guard.Against.NullOrWhiteSpace(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        lock (_gate)
        {
            var target = Resolve(key.EntityType, canonicalId);
            if (_canonicalByRemote.TryGetValue(key, out var existing))
            {
                if (existing != target)
                {
                    return new(IdentityLinkResult.LinkedElsewhere);
                }

                TakeOver(key, existing, inMemory);
                return new(IdentityLinkResult.AlreadyLinked);
            }

            AddLink(key, target, inMemory);
            return new(IdentityLinkResult.Linked);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value, or <paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    public ValueTask<bool> UnlinkAsync(RemoteKey key, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(key);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        lock (_gate)
        {
            if (!_canonicalByRemote.TryGetValue(key, out var canonicalId))
            {
                return new(false);
            }

            // Given back only while the record is still unlinked, to whatever its id resolves to by then.
            inMemory?.Enlist(null, () =>
            {
                lock (_gate)
                {
                    if (!_canonicalByRemote.ContainsKey(key))
                    {
                        AddLink(key, Resolve(key.EntityType, canonicalId));
                    }
                }
            });
            RemoveLink(key, canonicalId);
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
    /// <exception cref="ArgumentException">An argument is null, empty or white space, both ids name the same record, or <paramref name="transaction"/> is not an <see cref="InMemoryStoreTransaction"/>.</exception>
    public ValueTask<IdentityMergeResult> MergeAsync(string entityType, string survivorId, string mergedId, IStoreTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NullOrWhiteSpace(survivorId);
        Guard.Against.NullOrWhiteSpace(mergedId);
        cancellationToken.ThrowIfCancellationRequested();
        var inMemory = InMemoryStoreTransaction.From(transaction);
        lock (_gate)
        {
            var survivor = Resolve(entityType, survivorId);
            var merged = Resolve(entityType, mergedId);
            if (survivor == merged)
            {
                throw new ArgumentException($"'{mergedId}' and '{survivorId}' are already the same {entityType}.", nameof(mergedId));
            }

            var moved = new List<RemoteKey>();
            inMemory?.Enlist(null, () => UndoMerge(entityType, survivor, merged, moved));
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

    private void AddLink(RemoteKey key, string canonicalId, InMemoryStoreTransaction? transaction)
    {
        if (transaction is not null)
        {
            // Enlisted first: a transaction that has already completed refuses, and nothing has changed yet.
            Enlist(transaction, key, canonicalId);
            _pending[key] = new PendingLink(canonicalId, [transaction]);
        }

        AddLink(key, canonicalId);
    }

    private void AddLink(RemoteKey key, string canonicalId)
    {
        _canonicalByRemote[key] = canonicalId;
        AddToSet(key, canonicalId);
    }

    private void RemoveLink(RemoteKey key, string canonicalId)
    {
        _canonicalByRemote.Remove(key);
        var links = _links[(key.EntityType, canonicalId)];
        links.Remove(key);
        if (links.Count == 0)
        {
            _links.Remove((key.EntityType, canonicalId));
        }
    }

    private void TakeOver(RemoteKey key, string canonicalId, InMemoryStoreTransaction? transaction)
    {
        if (!_pending.TryGetValue(key, out var pending) || pending.CanonicalId != canonicalId)
        {
            return;
        }

        if (transaction is null)
        {
            // A caller outside any transaction now relies on the link: it stays, whatever its creator does.
            _pending.Remove(key);
        }
        else if (!pending.Holders.Contains(transaction))
        {
            Enlist(transaction, key, canonicalId);
            pending.Holders.Add(transaction);
        }
    }

    private void Enlist(InMemoryStoreTransaction transaction, RemoteKey key, string canonicalId)
        => transaction.Enlist(() => Complete(transaction, key, canonicalId, committed: true), () => Complete(transaction, key, canonicalId, committed: false));

    private void Complete(InMemoryStoreTransaction transaction, RemoteKey key, string canonicalId, bool committed)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(key, out var pending) || pending.CanonicalId != canonicalId)
            {
                return;
            }

            if (committed)
            {
                _pending.Remove(key);
                return;
            }

            pending.Holders.Remove(transaction);
            if (pending.Holders.Count > 0)
            {
                return;
            }

            _pending.Remove(key);
            if (_canonicalByRemote.TryGetValue(key, out var current) && current == canonicalId)
            {
                RemoveLink(key, canonicalId);
            }
        }
    }

    private void UndoMerge(string entityType, string survivor, string merged, List<RemoteKey> moved)
    {
        lock (_gate)
        {
            if (!_mergedInto.TryGetValue((entityType, merged), out var current) || current != survivor)
            {
                return;
            }

            _mergedInto.Remove((entityType, merged));
            foreach (var link in moved)
            {
                if (_canonicalByRemote.TryGetValue(link, out var linkedTo) && linkedTo == survivor)
                {
                    RemoveLink(link, survivor);
                    AddLink(link, merged);
                }
            }
        }
    }

    private void AddToSet(RemoteKey key, string canonicalId)
    {
        if (!_links.TryGetValue((key.EntityType, canonicalId), out var set))
        {
            _links[(key.EntityType, canonicalId)] = set = new SortedSet<RemoteKey>(LinkOrder);
        }

        set.Add(key);
    }

    /// <summary>A link created in a transaction that has not completed, and the transactions that rely on it.</summary>
    private sealed record PendingLink(string CanonicalId, HashSet<InMemoryStoreTransaction> Holders);
}
