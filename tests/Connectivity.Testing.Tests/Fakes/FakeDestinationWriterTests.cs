using System.Text;
using System.Text.Json.Nodes;
using Connectivity.Canonical;
using Connectivity.Canonical.Serialization;
using Connectivity.Delivery;
using Connectivity.Outbox;
using Connectivity.Testing.Canonical;
using Connectivity.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Testing.Tests.Fakes;

public sealed class FakeDestinationWriterTests
{
    private readonly FakeSystem _crm = new("crm");

    private static OutboxMessage Message(string json, int attempt = 1) =>
        new(Guid.NewGuid(), "crm-customers", Encoding.UTF8.GetBytes(json)) { AttemptCount = attempt };

    private static OutboxMessage Customer(string externalId) => Message($$"""{"externalId":"{{externalId}}","name":"Customer {{externalId}}"}""");

    [Fact]
    public async Task WriteAsync_NewMessage_CreatesTheRecordAndAnswersItsRemoteId()
    {
        var writer = _crm.Writer("crm-customers", "customer");

        var result = await writer.WriteAsync(Customer("c-1"), default);

        Assert.Equal(DeliveryResult.DeliveredAs("crm-customer-0001"), result);
        var record = Assert.Single(_crm.Records("customer"));
        Assert.Equal("c-1", record.GetText("externalId"));
        Assert.Equal(1, _crm.WriteCount("customer"));
    }

    [Fact]
    public async Task WriteAsync_SameMessageReplayed_WritesOneRecordAndAnswersTheSameId()
    {
        var writer = _crm.Writer("crm-customers", "customer");
        var message = Customer("c-1");

        var first = await writer.WriteAsync(message, default);
        var replay = await writer.WriteAsync(message, default);

        Assert.Equal(first, replay);
        _crm.AssertRecordCount("customer", 1);
        Assert.Equal([true, false], writer.Attempts.Select(a => a.Applied));
        Assert.Equal("crm-customer-0001", writer.RemoteIdOf(message.Id));
    }

    [Fact]
    public async Task WriteAsync_TransientFailureEveryThirdCall_FailsCallsThreeAndSixAndWritesNothingThen()
    {
        _crm.Faults.TransientFailureEvery = 3;
        var writer = _crm.Writer("crm-customers", "customer");

        var results = new List<DeliveryResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await writer.WriteAsync(Customer($"c-{i}"), default));
        }

        Assert.Equal([false, false, true, false, false, true], results.Select(r => r.Outcome == DeliveryOutcome.TransientFailure));
        Assert.Equal("CNX6001", results[2].ErrorCode);
        Assert.Contains("write call 3", results[2].Reason, StringComparison.Ordinal);
        _crm.AssertRecordCount("customer", 4);
        Assert.Equal(FakeFault.TransientFailure, writer.Attempts[5].Fault);
    }

    [Fact]
    public async Task WriteAsync_RateLimited_AnswersTransientWithRetryAfterAndWritesNothing()
    {
        _crm.Faults.RateLimitEvery = 1;
        _crm.Faults.RateLimitRetryAfter = TimeSpan.FromSeconds(90);
        var writer = _crm.Writer("crm-customers", "customer");

        var result = await writer.WriteAsync(Customer("c-1"), default);

        Assert.Equal(DeliveryOutcome.TransientFailure, result.Outcome);
        Assert.Equal("CNX6002", result.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
        _crm.AssertRecordCount("customer", 0);
        Assert.Equal(FakeFault.RateLimit, Assert.Single(writer.Attempts).Fault);
    }

    [Fact]
    public async Task WriteAsync_TimeoutOnTheFakeClock_AdvancesTheClockThenFailsTransiently()
    {
        _crm.Faults.TimeoutEvery = 1;
        _crm.Faults.Timeout = TimeSpan.FromSeconds(45);
        var writer = _crm.Writer("crm-customers", "customer");
        var before = _crm.TimeProvider.GetUtcNow();

        var result = await writer.WriteAsync(Customer("c-1"), default);

        Assert.Equal(DeliveryOutcome.TransientFailure, result.Outcome);
        Assert.Contains("timed out after 00:00:45", result.Reason, StringComparison.Ordinal);
        Assert.Equal(before + TimeSpan.FromSeconds(45), _crm.TimeProvider.GetUtcNow());
        _crm.AssertRecordCount("customer", 0);
    }

    [Fact]
    public async Task WriteAsync_TimeoutOnARealClockCancelled_StopsWaiting()
    {
        var crm = new FakeSystem("crm", TimeProvider.System);
        crm.Faults.TimeoutEvery = 1;
        crm.Faults.Timeout = TimeSpan.FromMinutes(10);
        var writer = crm.Writer("crm-customers", "customer");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await writer.WriteAsync(Customer("c-1"), cancellation.Token));

        crm.AssertRecordCount("customer", 0);
    }

    [Fact]
    public async Task WriteAsync_AmbiguousOutcome_AppliesTheWriteButAnswersAPermanentFailureWithCnx6003()
    {
        _crm.Faults.AmbiguousOutcomeEvery = 1;
        var writer = _crm.Writer("crm-customers", "customer");

        var result = await writer.WriteAsync(Customer("c-1"), default);

        Assert.Equal(DeliveryOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("CNX6003", result.ErrorCode);
        Assert.StartsWith("fake crm: ambiguous outcome", result.Reason, StringComparison.Ordinal);
        _crm.AssertRecordCount("customer", 1);
        var attempt = Assert.Single(writer.Attempts);
        Assert.Equal((FakeFault.AmbiguousOutcome, true, "crm-customer-0001"), (attempt.Fault, attempt.Applied, attempt.RemoteId));
    }

    [Fact]
    public async Task WriteAsync_AmbiguousThenReplayedWithIdempotencyKey_LeavesOneRecord()
    {
        _crm.Faults.AmbiguousOutcomeEvery = 2;
        var writer = _crm.Writer("crm-customers", "customer");
        var message = Customer("c-1");

        await writer.WriteAsync(Customer("c-0"), default);
        var ambiguous = await writer.WriteAsync(message, default);
        var replay = await writer.WriteAsync(message, default);

        Assert.Equal("CNX6003", ambiguous.ErrorCode);
        Assert.Equal(DeliveryResult.DeliveredAs("crm-customer-0002"), replay);
        _crm.AssertNoDuplicates("customer", "externalId");
    }

    [Fact]
    public async Task WriteAsync_AmbiguousThenRetriedOnATargetWithoutIdempotency_LeavesADuplicateTheAssertionNames()
    {
        _crm.Faults.AmbiguousOutcomeEvery = 1;
        var writer = _crm.Writer("crm-customers", "customer", o => o.HonoursIdempotencyKey = false);
        var message = Customer("c-1");

        await writer.WriteAsync(message, default);
        _crm.Faults.AmbiguousOutcomeEvery = 0;
        await writer.WriteAsync(message, default);

        var duplicates = _crm.Duplicates("customer", "externalId");
        Assert.Equal(["crm-customer-0001", "crm-customer-0002"], duplicates["c-1"].Select(r => r.RemoteId));
        var failure = Assert.Throws<FakeSystemAssertionException>(() => _crm.AssertNoDuplicates("customer", "externalId"));
        Assert.Equal(
            """
            crm holds duplicate customer records by externalId:
              externalId = 'c-1': 2 records
                customer crm-customer-0001 v1: {"externalId":"c-1","name":"Customer c-1"}
                customer crm-customer-0002 v1: {"externalId":"c-1","name":"Customer c-1"}
            """.ReplaceLineEndings(),
            failure.Message);
    }

    [Fact]
    public async Task WriteAsync_RecordTheSystemRejects_FailsPermanentlyForThatRecordOnly()
    {
        _crm.Faults.RejectWhen = record => record["externalId"]?.GetValue<string>() == "c-2";
        _crm.Faults.RejectReason = "422: the VAT id is invalid";
        var writer = _crm.Writer("crm-customers", "customer");

        var accepted = await writer.WriteAsync(Customer("c-1"), default);
        var rejected = await writer.WriteAsync(Customer("c-2"), default);

        Assert.Equal(DeliveryOutcome.Delivered, accepted.Outcome);
        Assert.Equal((DeliveryOutcome.PermanentFailure, "CNX6004"), (rejected.Outcome, rejected.ErrorCode));
        Assert.Contains("422: the VAT id is invalid", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(FakeFault.Rejected, writer.Attempts[1].Fault);
        _crm.AssertRecordCount("customer", 1);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public async Task WriteAsync_PayloadNotAJsonObject_FailsPermanentlyAsUndeserializable(string payload)
    {
        var writer = _crm.Writer("crm-customers", "customer");

        var result = await writer.WriteAsync(Message(payload), default);

        Assert.Equal((DeliveryOutcome.PermanentFailure, DeliveryErrorCodes.UndeserializablePayload), (result.Outcome, result.ErrorCode));
        _crm.AssertRecordCount("customer", 0);
    }

    [Fact]
    public async Task WriteAsync_PayloadTypeSetAndPayloadNotThatType_FailsPermanentlyAsUndeserializable()
    {
        var writer = _crm.Writer("crm-customers", "customer", o => o.PayloadType = CanonicalJson.GetTypeInfo<Customer>());

        var wrong = await writer.WriteAsync(Message("""{"stage":42}"""), default);
        var right = await writer.WriteAsync(new OutboxMessage(Guid.NewGuid(), "crm-customers", CanonicalJson.SerializeToUtf8Bytes(CanonicalFixtures.Customer())), default);

        Assert.Equal(DeliveryErrorCodes.UndeserializablePayload, wrong.ErrorCode);
        Assert.Contains("not a Customer", wrong.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryOutcome.Delivered, right.Outcome);
    }

    [Fact]
    public async Task WriteAsync_UpsertKeyPath_ReplacesTheRecordWithTheSameKey()
    {
        var writer = _crm.Writer("crm-customers", "customer", o => o.UpsertKeyPath = "externalId");

        var created = await writer.WriteAsync(Message("""{"externalId":"c-1","name":"Old"}"""), default);
        var updated = await writer.WriteAsync(Message("""{"externalId":"c-1","name":"New"}"""), default);

        Assert.Equal(created.RemoteId, updated.RemoteId);
        var record = Assert.Single(_crm.Records("customer"));
        Assert.Equal(("New", 2L), (record.GetText("name"), record.Version));
    }

    [Fact]
    public async Task WriteAsync_SeveralFaultsOnOneCall_RateLimitWinsAndEachCallIsNumbered()
    {
        _crm.Faults.TransientFailureEvery = 2;
        _crm.Faults.RateLimitEvery = 4;
        var writer = _crm.Writer("crm-customers", "customer");

        for (var i = 0; i < 4; i++)
        {
            await writer.WriteAsync(Customer($"c-{i}"), default);
        }

        Assert.Equal([1, 2, 3, 4], writer.Attempts.Select(a => a.Call));
        Assert.Equal([FakeFault.None, FakeFault.TransientFailure, FakeFault.None, FakeFault.RateLimit], writer.Attempts.Select(a => a.Fault));
    }

    [Fact]
    public async Task WriteAsync_AppliedWrite_IsAChangeInTheSystemsFeed()
    {
        var writer = _crm.Writer("crm-customers", "customer");

        await writer.WriteAsync(Customer("c-1"), default);

        var delivery = Assert.Single(_crm.TakeDeliveries());
        Assert.Equal(("crm", "customer", "crm-customer-0001"), (delivery.System, delivery.EntityType, delivery.RemoteId));
        Assert.Equal("c-1", JsonNode.Parse(delivery.CanonicalJson.Span)!["externalId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("contacts[x].email")]
    public void Writer_UpsertKeyPathNotAPath_Throws(string path) =>
        Assert.Throws<ArgumentException>(() => _crm.Writer("crm-customers", "customer", o => o.UpsertKeyPath = path));

    [Fact]
    public void Writer_OwnClock_IsAFakeTimeProviderAtTheFixtureTimestamp()
    {
        var clock = Assert.IsType<FakeTimeProvider>(_crm.TimeProvider);

        Assert.Equal(CanonicalFixtures.Timestamp, clock.GetUtcNow());
    }
}
