using System.Net;
using Connectivity.Connectors.Entities;
using Connectivity.Connectors.Http;
using Connectivity.Connectors.Tests.Http;
using Connectivity.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Connectivity.Connectors.Tests.Entities;

public sealed class EntityWriterTests
{
    private static TestCustomer Acme() => new() { ExternalId = "C-1", Name = "Acme", CreditLimit = 100.5m };

    // A short attempt timeout only where the target stores and then hangs, so the client gives up quickly; elsewhere one long
    // enough that a loaded machine does not time out (and retry) calls the test counts.
    private static ServiceProvider Build(FakeCustomerSystem system, CreateFault fault = CreateFault.None) => TestConnectors.Build(system.Server.BaseAddress, o =>
    {
        var hangs = fault == CreateFault.TimeoutAfterStoring;
        o.Resilience.AttemptTimeout = hangs ? TimeSpan.FromMilliseconds(400) : TimeSpan.FromSeconds(5);
        o.Resilience.TotalTimeout = hangs ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(30);
    });

    [Theory]
    [InlineData(CreateFault.ResetAfterStoring)]
    [InlineData(CreateFault.TimeoutAfterStoring)]
    public async Task UpsertAsync_UpsertByExternalKeyFailsAfterStoring_RetriedSafelyAndOneRecord(CreateFault fault)
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system, fault);
        var writer = new CustomerWriter(provider.Client(), IdempotencyStrategy.UpsertByExternalKey);
        system.FailNextCreates(fault);

        var first = await writer.UpsertAsync(Acme(), "msg-1");
        var duplicate = await writer.UpsertAsync(Acme(), "msg-1");

        Assert.Equal(EntityWriteOutcome.Updated, first.Outcome);
        Assert.Equal(EntityWriteOutcome.Updated, duplicate.Outcome);
        Assert.Equal(system.IdOf("C-1"), first.RemoteId);
        Assert.Equal(first.RemoteId, duplicate.RemoteId);
        Assert.Equal(1, system.Creates);
        AssertCalls(["PUT /customers/by-code/C-1", "PUT /customers/by-code/C-1", "PUT /customers/by-code/C-1"], system.Calls);
    }

    [Fact]
    public async Task UpsertAsync_UpsertByExternalKeyNewRecord_CreatedWithRemoteId()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system);
        var writer = new CustomerWriter(provider.Client(), IdempotencyStrategy.UpsertByExternalKey);

        var result = await writer.UpsertAsync(Acme(), "msg-1");

        Assert.Equal(EntityWriteOutcome.Created, result.Outcome);
        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal(system.IdOf("C-1"), result.RemoteId);
        Assert.Equal("""{"code":"C-1","name":"Acme","limit":100.5}""", system.Server.Requests.Single().Body);
    }

    [Theory]
    [InlineData(CreateFault.ResetAfterStoring)]
    [InlineData(CreateFault.TimeoutAfterStoring)]
    public async Task UpsertAsync_IdempotencyKeyCreateFailsAfterStoring_RetriedWithSameKeyAndOneRecord(CreateFault fault)
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system, fault);
        var writer = new CustomerWriter(provider.Client(), IdempotencyStrategy.IdempotencyKeyHeader);
        system.FailNextCreates(fault);

        var first = await writer.UpsertAsync(Acme(), "msg-1");
        var replayed = await writer.UpsertAsync(Acme(), "msg-1");

        Assert.Equal(EntityWriteOutcome.Created, first.Outcome);
        Assert.Equal(system.IdOf("C-1"), first.RemoteId);
        Assert.Equal(first.RemoteId, replayed.RemoteId);
        Assert.Equal(1, system.Creates);

        // The failed attempt, its retry and the replay; SocketsHttpHandler may itself resend a request whose pooled connection
        // was reset, so one more POST can reach the server. Every one carries the same key, and only one record exists.
        Assert.InRange(system.Server.Requests.Count, 3, 4);
        Assert.All(system.Server.Requests, r => Assert.Equal(("POST", "msg-1"), (r.Method, r.IdempotencyKey)));
    }

    [Fact]
    public async Task UpsertAsync_ReadBeforeCreateCreateNotApplied_LooksUpBeforeEveryCreateAttempt()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system);
        var writer = new CustomerWriter(provider.Client(), IdempotencyStrategy.ReadBeforeCreate);
        system.FailNextCreates(CreateFault.ResetBeforeStoring);

        var first = await writer.UpsertAsync(Acme(), "msg-1");
        var retry = await writer.UpsertAsync(Acme(), "msg-1");

        Assert.Equal(EntityWriteOutcome.TransientFailure, first.Outcome);
        Assert.Equal(EntityErrorCodes.NotFoundAfterAmbiguousCreate, first.ErrorCode);
        Assert.Equal(DeliveryOutcome.TransientFailure, first.ToDeliveryResult(DateTimeOffset.UtcNow).Outcome);
        Assert.Equal(EntityWriteOutcome.Created, retry.Outcome);
        Assert.Equal(system.IdOf("C-1"), retry.RemoteId);
        Assert.Equal(1, system.Creates);
        AssertCalls(["GET /customers", "POST /customers", "GET /customers", "GET /customers", "POST /customers"], system.Calls);
        Assert.All(system.Server.Requests, r => Assert.Null(r.IdempotencyKey));
    }

    [Theory]
    [InlineData(CreateFault.ResetAfterStoring)]
    [InlineData(CreateFault.TimeoutAfterStoring)]
    public async Task UpsertAsync_ReadBeforeCreateAmbiguousCreateThenRetry_SettledByLookupAndNoDuplicate(CreateFault fault)
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system, fault);
        var writer = new CustomerWriter(provider.Client(), IdempotencyStrategy.ReadBeforeCreate);
        system.FailNextCreates(fault);

        var first = await writer.UpsertAsync(Acme(), "msg-1");
        var retry = await writer.UpsertAsync(Acme(), "msg-1");

        Assert.Equal(EntityWriteOutcome.Created, first.Outcome);
        Assert.Equal(system.IdOf("C-1"), first.RemoteId);
        Assert.Equal(EntityWriteOutcome.Updated, retry.Outcome);
        Assert.Equal(first.RemoteId, retry.RemoteId);
        Assert.Equal(1, system.Creates);
        AssertCalls(["GET /customers", "POST /customers", "GET /customers", "GET /customers", $"PUT /customers/{first.RemoteId}"], system.Calls);
    }

    [Fact]
    public async Task UpsertAsync_ReadBeforeCreateFoundAndNoUpdates_ExistedWithoutWriting()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system);
        await new CustomerWriter(provider.Client(), IdempotencyStrategy.ReadBeforeCreate).UpsertAsync(Acme(), "msg-1");
        var createOnly = new CustomerWriter(provider.Client(), IdempotencyStrategy.ReadBeforeCreate, updates: false);

        var result = await createOnly.UpsertAsync(Acme(), "msg-2");

        Assert.Equal(EntityWriteOutcome.Existed, result.Outcome);
        Assert.Equal(system.IdOf("C-1"), result.RemoteId);
        AssertCalls(["GET /customers", "POST /customers", "GET /customers"], system.Calls);
    }

    [Theory]
    [InlineData(CreateFault.ResetAfterStoring)]
    [InlineData(CreateFault.TimeoutAfterStoring)]
    public async Task UpsertAsync_NoStrategyCreateFailsAfterStoring_AmbiguousAndSentOnce(CreateFault fault)
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system, fault);
        var writer = new CustomerWriter(provider.Client(), IdempotencyStrategy.None);
        system.FailNextCreates(fault);

        var result = await writer.UpsertAsync(Acme(), "msg-1");

        Assert.Equal(EntityWriteOutcome.Ambiguous, result.Outcome);
        Assert.Equal(HttpErrorCodes.AmbiguousOutcome, result.ErrorCode);
        Assert.Null(result.RemoteId);
        Assert.Equal(["POST /customers"], system.Calls);
        var delivery = result.ToDeliveryResult(DateTimeOffset.UtcNow);
        Assert.Equal(DeliveryOutcome.PermanentFailure, delivery.Outcome);
        Assert.Equal(HttpErrorCodes.AmbiguousOutcome, delivery.ErrorCode);
        Assert.Contains("not retried blindly", delivery.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAsync_EntityFailsOutboundMap_PermanentFailureAndNothingSent()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system);
        var writer = new CustomerWriter(provider.Client(), IdempotencyStrategy.IdempotencyKeyHeader);

        var result = await writer.UpsertAsync(new TestCustomer { Name = "No code" }, "msg-1");

        Assert.Equal(EntityWriteOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(EntityErrorCodes.OutboundMapFailed, result.ErrorCode);
        Assert.Contains("CNX", result.Reason, StringComparison.Ordinal);
        Assert.Empty(system.Server.Requests);
    }

    [Fact]
    public async Task UpsertAsync_StrategyNeedsRequestNotBuilt_NotSupported()
    {
        await using var system = await FakeCustomerSystem.StartAsync();
        await using var provider = Build(system);
        var writer = new CreateOnlyWriter(provider.Client());

        var exception = await Assert.ThrowsAsync<NotSupportedException>(async () => await writer.UpsertAsync(Acme(), "msg-1"));

        Assert.Contains("CreateLookupRequest", exception.Message, StringComparison.Ordinal);
        Assert.Empty(system.Server.Requests);
    }

    /// <summary>
    /// The calls in order, each POST exactly as expected. Where the attempt timeout is short (a target that hangs) a slow
    /// machine can time out an idempotent call (a lookup, a keyed PUT) that then succeeds on retry, so a run of one such
    /// call may be longer than expected, never shorter; an unkeyed POST is never retried, so its count is exact.
    /// </summary>
    private static void AssertCalls(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(Runs(expected).Select(r => r.Call), Runs(actual).Select(r => r.Call));
        foreach (var (want, got) in Runs(expected).Zip(Runs(actual)))
        {
            if (want.Call.StartsWith("POST ", StringComparison.Ordinal))
            {
                Assert.Equal(want.Count, got.Count);
            }
            else
            {
                // Each call at most once more per retry the pipeline allows (3 by default).
                Assert.InRange(got.Count, want.Count, want.Count * 4);
            }
        }

        static List<(string Call, int Count)> Runs(IReadOnlyList<string> calls)
        {
            var runs = new List<(string Call, int Count)>();
            foreach (var call in calls)
            {
                if (runs.Count > 0 && runs[^1].Call == call)
                {
                    runs[^1] = (call, runs[^1].Count + 1);
                }
                else
                {
                    runs.Add((call, 1));
                }
            }

            return runs;
        }
    }

    private sealed class CreateOnlyWriter(ConnectorClient client)
        : EntityWriter<TestCustomer>(client, CustomerMaps.Outbound, EntityTestJson.Default.TestCustomer)
    {
        public override IdempotencyStrategy Strategy => IdempotencyStrategy.ReadBeforeCreate;

        protected override HttpRequestMessage CreateCreateRequest(TestCustomer entity, ReadOnlyMemory<byte> payload) =>
            new(HttpMethod.Post, "customers") { Content = CreateJsonContent(payload) };
    }
}
