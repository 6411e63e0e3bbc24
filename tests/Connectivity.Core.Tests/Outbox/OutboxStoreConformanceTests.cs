using System.Text;
using Connectivity.Checkpoints;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Outbox;

/// <summary>The contract of <see cref="IOutboxStore"/> and <see cref="IDeadLetterStore"/>; every store provider runs it.</summary>
public abstract class OutboxStoreConformanceTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Creates the store under test; it must implement both <see cref="IOutboxStore"/> and <see cref="IDeadLetterStore"/>.</summary>
    protected abstract IOutboxStore CreateStore();

    /// <summary>Creates the transaction factory of the same provider, on the same storage as <see cref="CreateStore"/>.</summary>
    protected abstract IStoreTransactionFactory CreateTransactionFactory();

    /// <summary>Creates a checkpoint store of the same provider, on the same storage, to test a transaction across stores.</summary>
    protected abstract ICheckpointStore CreateCheckpointStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected static OutboxMessage Message(string destination = "erp", string? key = null, string body = "{}", IReadOnlyDictionary<string, string>? headers = null) =>
        new(Guid.NewGuid(), destination, Encoding.UTF8.GetBytes(body), key, headers);

    private static OutboxClaimRequest Claim(string owner = "d1", int batch = 10) => new(owner, batch, Lease);

    [Fact]
    public async Task Claim_AfterEnqueue_ReturnsMessageWithItsDataAndOneAttempt()
    {
        var store = CreateStore();
        var message = Message(key: "customer/1", body: "{\"a\":1}", headers: new Dictionary<string, string> { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", ["x"] = "y" });

        await store.EnqueueAsync([message]);
        var claimed = Assert.Single(await store.ClaimAsync(Claim()));

        Assert.Equal(message.Id, claimed.Message.Id);
        Assert.Equal("erp", claimed.Message.Destination);
        Assert.Equal("customer/1", claimed.Message.EntityKey);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(claimed.Message.Payload.Span));
        Assert.Equal(message.Headers, claimed.Message.Headers);
        Assert.Equal(1, claimed.Message.AttemptCount);
        Assert.Equal(Time.GetUtcNow(), claimed.Message.CreatedAt);
        Assert.Equal("d1", claimed.LeaseOwner);
        Assert.Equal(Time.GetUtcNow() + Lease, claimed.LeaseExpiresAt);
        Assert.True(claimed.LeaseToken > 0);
    }

    [Fact]
    public async Task Claim_ReturnsOldestFirstUpToBatchSize()
    {
        var store = CreateStore();
        var messages = Enumerable.Range(0, 5).Select(_ => Message()).ToArray();
        await store.EnqueueAsync(messages);

        var claimed = await store.ClaimAsync(Claim(batch: 3));

        Assert.Equal(messages.Take(3).Select(m => m.Id), claimed.Select(c => c.Message.Id));
    }

    [Fact]
    public async Task Claim_SameEntityKey_OnlyOneInFlightInEnqueueOrder()
    {
        var store = CreateStore();
        var first = Message(key: "k1");
        var second = Message(key: "k1");
        var other = Message(key: "k2");
        await store.EnqueueAsync([first, second, other]);

        var claimed = await store.ClaimAsync(Claim());
        Assert.Equal([first.Id, other.Id], claimed.Select(c => c.Message.Id));
        Assert.Empty(await store.ClaimAsync(Claim("d2")));

        Assert.True(await store.MarkDeliveredAsync(first.Id, claimed[0].LeaseToken));
        var next = Assert.Single(await store.ClaimAsync(Claim("d2")));
        Assert.Equal(second.Id, next.Message.Id);
    }

    [Fact]
    public async Task Claim_FailingKeyWaitingForRetry_HoldsOnlyItsOwnKey()
    {
        var store = CreateStore();
        var failing = Message(key: "k1");
        var behind = Message(key: "k1");
        var free = Message(key: "k2");
        await store.EnqueueAsync([failing, behind, free]);
        var claimed = await store.ClaimAsync(Claim(batch: 1));
        Assert.True(await store.ScheduleRetryAsync(failing.Id, claimed[0].LeaseToken, Time.GetUtcNow().AddMinutes(5), "CNX5002 busy"));

        var next = await store.ClaimAsync(Claim());

        Assert.Equal([free.Id], next.Select(c => c.Message.Id));
    }

    [Fact]
    public async Task ScheduleRetry_NotBeforeInTheFuture_ClaimableOnlyOnceItPasses()
    {
        var store = CreateStore();
        var message = Message();
        await store.EnqueueAsync([message]);
        var claimed = await store.ClaimAsync(Claim());
        Assert.True(await store.ScheduleRetryAsync(message.Id, claimed[0].LeaseToken, Time.GetUtcNow().AddSeconds(10), "CNX5002 timeout"));

        Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(await store.ClaimAsync(Claim()));
        Time.Advance(TimeSpan.FromSeconds(1));
        var again = Assert.Single(await store.ClaimAsync(Claim()));

        Assert.Equal(2, again.Message.AttemptCount);
        Assert.Equal("CNX5002 timeout", again.Message.LastError);
    }

    [Fact]
    public async Task Enqueue_WithNotBefore_WaitsUntilThen()
    {
        var store = CreateStore();
        await store.EnqueueAsync([new OutboxMessage(Guid.NewGuid(), "erp", "{}"u8.ToArray()) { NotBefore = Time.GetUtcNow().AddMinutes(1) }]);

        Assert.Empty(await store.ClaimAsync(Claim()));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await store.ClaimAsync(Claim()));
    }

    [Fact]
    public async Task Claim_LeaseExpired_AnotherOwnerTakesOverAndTheStaleTokenIsRefused()
    {
        var store = CreateStore();
        var message = Message(key: "k");
        await store.EnqueueAsync([message]);
        var first = Assert.Single(await store.ClaimAsync(Claim("d1")));
        Assert.Empty(await store.ClaimAsync(Claim("d2")));

        Time.Advance(Lease);
        var second = Assert.Single(await store.ClaimAsync(Claim("d2")));

        Assert.True(second.LeaseToken > first.LeaseToken);
        Assert.Equal(2, second.Message.AttemptCount);
        Assert.False(await store.MarkDeliveredAsync(message.Id, first.LeaseToken));
        Assert.False(await store.ScheduleRetryAsync(message.Id, first.LeaseToken, Time.GetUtcNow(), "late"));
        Assert.False(await store.DeadLetterAsync(message.Id, first.LeaseToken, DeliveryErrorCodes.PermanentFailure, "late"));
        Assert.True(await store.MarkDeliveredAsync(message.Id, second.LeaseToken));
        Assert.False(await store.MarkDeliveredAsync(message.Id, second.LeaseToken));
    }

    [Fact]
    public async Task RenewLeases_HeldClaim_NoOtherOwnerClaimsItUntilTheNewExpiry()
    {
        var store = CreateStore();
        var message = Message(key: "k");
        await store.EnqueueAsync([message]);
        var first = Assert.Single(await store.ClaimAsync(Claim("d1")));

        Time.Advance(Lease / 2);
        Assert.Equal(1, await store.RenewLeasesAsync([first], Time.GetUtcNow() + Lease));
        Time.Advance(Lease / 2);
        var whileRenewed = await store.ClaimAsync(Claim("d2"));
        Time.Advance(Lease / 2);
        var afterNewExpiry = Assert.Single(await store.ClaimAsync(Claim("d2")));

        Assert.Empty(whileRenewed);
        Assert.True(afterNewExpiry.LeaseToken > first.LeaseToken);
        Assert.False(await store.MarkDeliveredAsync(message.Id, first.LeaseToken));
    }

    [Fact]
    public async Task RenewLeases_ClaimsNoLongerHeld_LeftAlone()
    {
        var store = CreateStore();
        var delivered = Message();
        var retaken = Message();
        var held = Message();
        await store.EnqueueAsync([delivered, retaken, held]);
        var claims = await store.ClaimAsync(Claim("d1"));
        Assert.True(await store.MarkDeliveredAsync(delivered.Id, claims[0].LeaseToken));
        Assert.True(await store.ScheduleRetryAsync(retaken.Id, claims[1].LeaseToken, Time.GetUtcNow(), "CNX5002 busy"));
        var other = Assert.Single(await store.ClaimAsync(Claim("d2")));

        var renewed = await store.RenewLeasesAsync(claims, Time.GetUtcNow() + Lease + Lease);
        Time.Advance(Lease);

        Assert.Equal(1, renewed);
        Assert.Equal(retaken.Id, other.Message.Id);
        Assert.Equal([retaken.Id], (await store.ClaimAsync(Claim("d3"))).Select(c => c.Message.Id));
        Assert.Equal(0, await store.RenewLeasesAsync([], Time.GetUtcNow()));
    }

    [Fact]
    public async Task ReleaseLeases_ByOwner_MakesItsMessagesClaimableAtOnce()
    {
        var store = CreateStore();
        await store.EnqueueAsync([Message(), Message()]);
        var claimed = await store.ClaimAsync(Claim("host-a"));

        Assert.Equal(2, await store.ReleaseLeasesAsync("host-a"));
        var again = await store.ClaimAsync(Claim("host-a"));

        Assert.Equal(2, again.Count);
        Assert.False(await store.MarkDeliveredAsync(claimed[0].Message.Id, claimed[0].LeaseToken));
    }

    [Fact]
    public async Task PauseDestination_StopsOnlyThatDestinationUntilResumed()
    {
        var store = CreateStore();
        var crm = Message("crm");
        var erp = Message("erp");
        await store.EnqueueAsync([crm, erp]);

        await store.PauseDestinationAsync("crm");
        Assert.Equal(["crm"], await store.GetPausedDestinationsAsync());
        Assert.Equal([erp.Id], (await store.ClaimAsync(Claim())).Select(c => c.Message.Id));

        await store.ResumeDestinationAsync("crm");
        Assert.Empty(await store.GetPausedDestinationsAsync());
        Assert.Equal([crm.Id], (await store.ClaimAsync(Claim())).Select(c => c.Message.Id));
    }

    [Fact]
    public async Task DeleteDelivered_KeepsPendingAndRecentAndDeletesInBoundedBatches()
    {
        var store = CreateStore();
        var old = Enumerable.Range(0, 5).Select(_ => Message()).ToArray();
        await store.EnqueueAsync(old);
        foreach (var claimed in await store.ClaimAsync(Claim()))
        {
            Assert.True(await store.MarkDeliveredAsync(claimed.Message.Id, claimed.LeaseToken));
        }

        Time.Advance(TimeSpan.FromDays(8));
        var recent = Message();
        var pending = Message();
        await store.EnqueueAsync([recent]);
        var claimedRecent = Assert.Single(await store.ClaimAsync(Claim()));
        Assert.True(await store.MarkDeliveredAsync(recent.Id, claimedRecent.LeaseToken));
        await store.EnqueueAsync([pending]);

        var boundary = Time.GetUtcNow() - TimeSpan.FromDays(7);
        Assert.Equal(3, await store.DeleteDeliveredAsync(boundary, 3));
        Assert.Equal(2, await store.DeleteDeliveredAsync(boundary, 3));
        Assert.Equal(0, await store.DeleteDeliveredAsync(boundary, 3));
        Assert.Equal(1, (await store.GetStatisticsAsync()).PendingCount);
    }

    [Fact]
    public async Task GetStatistics_CountsUndeliveredAndTheOldestOfThem()
    {
        var store = CreateStore();
        Assert.Equal(new OutboxStatistics(0, null), await store.GetStatisticsAsync());
        var start = Time.GetUtcNow();
        var first = Message();
        await store.EnqueueAsync([first]);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.EnqueueAsync([Message()]);

        Assert.Equal(new OutboxStatistics(2, start), await store.GetStatisticsAsync());
        var claimed = await store.ClaimAsync(Claim(batch: 1));
        Assert.True(await store.MarkDeliveredAsync(first.Id, claimed[0].LeaseToken));
        Assert.Equal(new OutboxStatistics(1, start.AddMinutes(1)), await store.GetStatisticsAsync());
    }

    [Fact]
    public async Task Enqueue_InTransaction_VisibleOnlyAfterCommitTogetherWithTheCheckpoint()
    {
        var store = CreateStore();
        var checkpoints = CreateCheckpointStore();
        var transactions = CreateTransactionFactory();
        var key = new CheckpointKey("crm", "accounts");

        await using (var rolledBack = await transactions.BeginTransactionAsync())
        {
            await store.EnqueueAsync([Message()], rolledBack);
            await checkpoints.SaveAsync(key, "cursor-1", rolledBack);
        }

        Assert.Equal(0, (await store.GetStatisticsAsync()).PendingCount);
        Assert.Null(await checkpoints.GetAsync(key));

        var message = Message();
        await using (var committed = await transactions.BeginTransactionAsync())
        {
            await store.EnqueueAsync([message], committed);
            await checkpoints.SaveAsync(key, "cursor-2", committed);
            await committed.CommitAsync();
        }

        Assert.Equal(message.Id, Assert.Single(await store.ClaimAsync(Claim())).Message.Id);
        Assert.Equal("cursor-2", (await checkpoints.GetAsync(key))!.Cursor);
    }

    [Fact]
    public async Task DeadLetter_MovesTheMessageOutAndReleasesItsKey()
    {
        var store = CreateStore();
        var deadLetters = (IDeadLetterStore)store;
        var poison = Message(key: "k");
        var behind = Message(key: "k");
        await store.EnqueueAsync([poison, behind]);
        var claimed = Assert.Single(await store.ClaimAsync(Claim()));

        Assert.True(await store.DeadLetterAsync(poison.Id, claimed.LeaseToken, DeliveryErrorCodes.PermanentFailure, "422 missing field"));

        Assert.Equal(behind.Id, Assert.Single(await store.ClaimAsync(Claim())).Message.Id);
        var listed = Assert.Single(await deadLetters.ListAsync());
        Assert.Equal(poison.Id, listed.Message.Id);
        Assert.Equal(DeliveryErrorCodes.PermanentFailure, listed.ErrorCode);
        Assert.Equal("422 missing field", listed.Reason);
        Assert.Equal(1, listed.Message.AttemptCount);
        Assert.Equal(DeadLetterStatus.Active, listed.Status);
        Assert.Empty(await deadLetters.ListAsync(destination: "crm"));
    }

    [Fact]
    public async Task Inspect_ReturnsHistoryWithWhoAndWhen()
    {
        var store = CreateStore();
        var deadLetters = (IDeadLetterStore)store;
        var message = Message();
        await store.EnqueueAsync([message]);
        var claimed = Assert.Single(await store.ClaimAsync(Claim("dispatcher-7")));
        var deadLetteredAt = Time.GetUtcNow();
        await store.DeadLetterAsync(message.Id, claimed.LeaseToken, DeliveryErrorCodes.AttemptsExhausted, "gave up");
        Time.Advance(TimeSpan.FromHours(1));

        var inspected = await deadLetters.InspectAsync(message.Id, "alice");

        Assert.NotNull(inspected);
        Assert.Equal(
            [
                new DeadLetterAuditEntry(DeadLetterAction.DeadLettered, "dispatcher-7", deadLetteredAt, "gave up"),
                new DeadLetterAuditEntry(DeadLetterAction.Inspected, "alice", deadLetteredAt.AddHours(1), null),
            ],
            inspected.History);
        Assert.Null(await deadLetters.InspectAsync(Guid.NewGuid(), "alice"));
    }

    [Fact]
    public async Task Replay_KeepsTheMessageIdResetsAttemptsAndRecordsTheActor()
    {
        var store = CreateStore();
        var deadLetters = (IDeadLetterStore)store;
        var message = Message(key: "k", body: "{\"v\":2}");
        await store.EnqueueAsync([message]);
        var claimed = Assert.Single(await store.ClaimAsync(Claim()));
        await store.DeadLetterAsync(message.Id, claimed.LeaseToken, DeliveryErrorCodes.PermanentFailure, "422");

        Assert.True(await deadLetters.ReplayAsync(message.Id, "bob", "target fixed"));
        Assert.False(await deadLetters.ReplayAsync(message.Id, "bob"));

        var again = Assert.Single(await store.ClaimAsync(Claim()));
        Assert.Equal(message.Id, again.Message.Id);
        Assert.Equal("k", again.Message.EntityKey);
        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString(again.Message.Payload.Span));
        Assert.Equal(1, again.Message.AttemptCount);
        Assert.Empty(await deadLetters.ListAsync());
        var replayed = Assert.Single(await deadLetters.ListAsync(DeadLetterStatus.Replayed));
        Assert.Equal(message.Id, replayed.Message.Id);
        var history = (await deadLetters.InspectAsync(message.Id, "carol"))!.History;
        Assert.Contains(new DeadLetterAuditEntry(DeadLetterAction.Replayed, "bob", Time.GetUtcNow(), "target fixed"), history);
    }

    [Fact]
    public async Task Replay_DeadLetteredAgain_BecomesActiveWithTheNewReason()
    {
        var store = CreateStore();
        var deadLetters = (IDeadLetterStore)store;
        var message = Message();
        await store.EnqueueAsync([message]);
        var claimed = Assert.Single(await store.ClaimAsync(Claim()));
        await store.DeadLetterAsync(message.Id, claimed.LeaseToken, DeliveryErrorCodes.PermanentFailure, "first");
        await deadLetters.ReplayAsync(message.Id, "bob");
        var again = Assert.Single(await store.ClaimAsync(Claim()));

        Assert.True(await store.DeadLetterAsync(message.Id, again.LeaseToken, DeliveryErrorCodes.AttemptsExhausted, "second"));

        var active = Assert.Single(await deadLetters.ListAsync());
        Assert.Equal("second", active.Reason);
        Assert.Equal(DeliveryErrorCodes.AttemptsExhausted, active.ErrorCode);
    }

    [Fact]
    public async Task Dismiss_ClosesTheDeadLetterAndItCannotBeReplayed()
    {
        var store = CreateStore();
        var deadLetters = (IDeadLetterStore)store;
        var message = Message();
        await store.EnqueueAsync([message]);
        var claimed = Assert.Single(await store.ClaimAsync(Claim()));
        await store.DeadLetterAsync(message.Id, claimed.LeaseToken, DeliveryErrorCodes.UnknownDestination, "no writer");

        Assert.True(await deadLetters.DismissAsync(message.Id, "dave", "obsolete"));

        Assert.False(await deadLetters.DismissAsync(message.Id, "dave"));
        Assert.False(await deadLetters.ReplayAsync(message.Id, "dave"));
        Assert.Empty(await deadLetters.ListAsync());
        Assert.Equal(DeadLetterStatus.Dismissed, Assert.Single(await deadLetters.ListAsync(DeadLetterStatus.Dismissed)).Status);
        Assert.Contains((await deadLetters.InspectAsync(message.Id, "erin"))!.History, e => e is { Action: DeadLetterAction.Dismissed, Actor: "dave", Note: "obsolete" });
    }

    [Fact]
    public async Task Claim_ConcurrentClaimers_NeverShareAMessage()
    {
        var store = CreateStore();
        var messages = Enumerable.Range(0, 200).Select(i => Message(key: $"k{i % 20}")).ToArray();
        await store.EnqueueAsync(messages);
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<Guid, int>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(d => Task.Run(async () =>
        {
            for (var round = 0; round < 100; round++)
            {
                foreach (var claimed in await store.ClaimAsync(Claim($"d{d}", 5)))
                {
                    seen.AddOrUpdate(claimed.Message.Id, 1, (_, n) => n + 1);
                    Assert.True(await store.MarkDeliveredAsync(claimed.Message.Id, claimed.LeaseToken));
                }
            }
        })));

        Assert.Equal(200, seen.Count);
        Assert.All(seen.Values, n => Assert.Equal(1, n));
    }
}
