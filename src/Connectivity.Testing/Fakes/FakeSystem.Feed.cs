using System.Globalization;
using Ardalis.GuardClauses;

namespace Connectivity.Testing.Fakes;

public sealed partial class FakeSystem
{
    private readonly List<FakeDelivery> _pending = [];
    private readonly List<FakeDelivery> _heldBack = [];

    /// <summary>Gets how many deliveries <see cref="TakeDeliveries"/> would hand over now.</summary>
    public int PendingDeliveryCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count + _heldBack.Count;
            }
        }
    }

    /// <summary>Hands over the deliveries of the changes made since the last call, as a change feed (webhooks, a queue) would:
    /// in the order of the changes, except as <see cref="FakeFaults.DuplicateDeliveryEvery"/> and <see cref="FakeFaults.OutOfOrderEvery"/> say.</summary>
    /// <returns>The deliveries; empty when nothing changed.</returns>
    public IReadOnlyList<FakeDelivery> TakeDeliveries()
    {
        lock (_gate)
        {
            List<FakeDelivery> taken = [.. _pending, .. _heldBack];
            _pending.Clear();
            _heldBack.Clear();
            return taken;
        }
    }

    /// <summary>
    /// Reads the records of an entity type changed after a cursor, one page at a time, as a poll of
    /// <c>GET /customers?modifiedSince=…</c> would: ordered by <see cref="FakeRecord.ModifiedAt"/>, ties broken by
    /// <see cref="FakeRecord.RemoteId"/>, so paging through records that share a timestamp loses and repeats nothing.
    /// </summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="cursor">The <see cref="FakeChangePage.Cursor"/> of the previous page, or <see langword="null"/> to start at the beginning.</param>
    /// <param name="pageSize">The most records on the page.</param>
    /// <returns>The page.</returns>
    /// <remarks>
    /// A record changed since it was read comes again, with its new version, on a later page. As with a real system, a
    /// change made at the very instant of the cursor to a record ordered before it is not seen: move the clock between changes
    /// to avoid it, or keep it to test an overlap window.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty or white space, <paramref name="cursor"/> is not a cursor of
    /// this method, or <paramref name="pageSize"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    public FakeChangePage ReadChangesSince(string entityType, string? cursor, int pageSize)
    {
        Guard.Against.NullOrWhiteSpace(entityType);
        Guard.Against.NegativeOrZero(pageSize);
        var after = cursor is null ? default((long Ticks, string Id)?) : ParseCursor(cursor);
        var records = Records(entityType)
            .Where(r => after is not { } a || r.ModifiedAt.UtcTicks > a.Ticks || (r.ModifiedAt.UtcTicks == a.Ticks && string.CompareOrdinal(r.RemoteId, a.Id) > 0))
            .OrderBy(r => r.ModifiedAt.UtcTicks)
            .ThenBy(r => r.RemoteId, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();

        var hasMore = records.Count > pageSize;
        if (hasMore)
        {
            records.RemoveAt(pageSize);
        }

        var next = records.Count == 0 ? cursor : string.Create(CultureInfo.InvariantCulture, $"{records[^1].ModifiedAt.UtcTicks}|{records[^1].RemoteId}");
        return new FakeChangePage(records, next, hasMore);
    }

    private static (long Ticks, string Id) ParseCursor(string cursor)
    {
        var bar = cursor.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !long.TryParse(cursor.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new ArgumentException($"'{cursor}' is not a cursor of {nameof(ReadChangesSince)}.", nameof(cursor));
        }

        return (ticks, cursor[(bar + 1)..]);
    }

    private void Publish(FakeRecord record)
    {
        var delivery = new FakeDelivery(Name, record.EntityType, record.RemoteId, record.CanonicalJson,
            string.Create(CultureInfo.InvariantCulture, $"{Name}-delivery-{record.Sequence:D6}"), record.Sequence);
        var copies = FakeFaults.Hits(Faults.DuplicateDeliveryEvery, record.Sequence) ? 2 : 1;
        if (_heldBack.Count == 0 && FakeFaults.Hits(Faults.OutOfOrderEvery, record.Sequence))
        {
            _heldBack.AddRange(Enumerable.Repeat(delivery, copies));
            return;
        }

        _pending.AddRange(Enumerable.Repeat(delivery, copies));
        _pending.AddRange(_heldBack);
        _heldBack.Clear();
    }
}
