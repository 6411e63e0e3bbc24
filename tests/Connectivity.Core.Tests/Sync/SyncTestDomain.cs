using Connectivity.ChangeTracking;
using Connectivity.Delivery;
using Connectivity.Entities;
using Connectivity.Identity;
using Connectivity.Inbox;
using Connectivity.Lifecycle;
using Connectivity.Mapping;
using Connectivity.Outbox;
using Connectivity.Ownership;
using Connectivity.Sync;
using Microsoft.Extensions.Time.Testing;

namespace Connectivity.Core.Tests.Sync;

/// <summary>
/// A small two-entity domain for the sync flow: an account (desk owns its name; billing owns its credit limit) and a ticket that
/// refers to an account. "desk" and "billing" send and receive both, each with its own payload shape.
/// </summary>
internal sealed class SyncTestDomain
{
    public static LifecycleDefinition AccountLifecycle { get; } = new LifecycleBuilder("account").InitialStage("active").Transition("active", "closed").Build();

    public static LifecycleDefinition TicketLifecycle { get; } = new LifecycleBuilder("ticket").InitialStage("open").Transition("open", "closed").Build();

    public static EntityCatalog Catalog { get; } = new(
    [
        new EntityDescriptor("account", ["name", "creditLimit", "stage"], AccountLifecycle, modifiedAtField: "modifiedAt", ignoredFields: ["id", "modifiedAt", "externalReferences"]),
        new EntityDescriptor("ticket", ["title", "accountId", "stage"], TicketLifecycle, modifiedAtField: "modifiedAt", ignoredFields: ["id", "modifiedAt", "externalReferences"]),
    ]);

    public static OwnershipPolicy Policy { get; } = new OwnershipPolicyBuilder(Catalog)
        .AddSystems("desk", "billing")
        .Entity("account", a => a.DefaultOwner("desk").Field("creditLimit", "billing"))
        .Entity("ticket", t => t.DefaultOwner("desk"))
        .Build();

    // desk: {"key": "...", "label": "...", "limit": 1, "changed": "..."}; billing: {"no": "...", "title": "...", "credit": 1}
    public static CompiledMap DeskAccountIn { get; } = new MapBuilder("desk-account").Field("name", r => r.Copy("label")).Field("creditLimit", r => r.Copy("limit")).Field("modifiedAt", r => r.Copy("changed")).Build();

    public static CompiledMap BillingAccountIn { get; } = new MapBuilder("billing-account").Field("name", r => r.Copy("title")).Field("creditLimit", r => r.Copy("credit")).Build();

    public static CompiledMap DeskTicketIn { get; } = new MapBuilder("desk-ticket").Field("title", r => r.Copy("subject")).Field("accountId", r => r.Copy("account")).Build();

    public static CompiledMap BillingTicketIn { get; } = new MapBuilder("billing-ticket").Field("title", r => r.Copy("subject")).Field("accountId", r => r.Copy("account")).Build();

    public SyncTestDomain()
    {
        Echoes = new InMemoryEchoFingerprintStore(Time);
        Identity = new InMemoryIdentityMap(Time);
        Outbox = new InMemoryOutboxStore(Time);
        Inbox = new InMemoryInboxStore(Microsoft.Extensions.Options.Options.Create(new InboxOptions()), Time);
        Decider = new ChangeDecider(Policy, Snapshots, Echoes, Conflicts, Time);
        Definition = new SyncFlowBuilder()
            .Entity("account", a => a.From("desk", DeskAccountIn).From("billing", BillingAccountIn).To("desk", "desk-writer").To("billing", "billing-writer"))
            .Entity("ticket", t => t.From("desk", DeskTicketIn).From("billing", BillingTicketIn).To("billing", "billing-tickets").Reference("accountId", "account"))
            .Build();
        Flow = new SyncFlow(Definition, Decider, Identity, Snapshots, Outbox, Inbox, Transactions);
        Reconciler = new Reconciler(Definition, Policy, Identity, Snapshots, Outbox);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public InMemoryBaseSnapshotStore Snapshots { get; } = new();

    public InMemoryEchoFingerprintStore Echoes { get; }

    public InMemoryConflictStore Conflicts { get; } = new();

    public InMemoryIdentityMap Identity { get; }

    public InMemoryOutboxStore Outbox { get; }

    public InMemoryInboxStore Inbox { get; }

    public InMemoryStoreTransactionFactory Transactions { get; } = new();

    public ChangeDecider Decider { get; }

    public SyncFlowDefinition Definition { get; }

    public SyncFlow Flow { get; }

    public Reconciler Reconciler { get; }

    public SyncDestinationWriter DestinationFor(string system, string entityType, IDestinationWriter inner)
        => new(Definition, entityType, system, name => name == inner.Destination ? inner : null, Decider, Identity, Transactions);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAllAsync()
    {
        var all = new List<OutboxMessage>();
        while (await Outbox.ClaimAsync(new OutboxClaimRequest("test", 1000, TimeSpan.FromMinutes(5))) is { Count: > 0 } claimed)
        {
            foreach (var message in claimed)
            {
                await Outbox.MarkDeliveredAsync(message.Message.Id, message.LeaseToken);
                all.Add(message.Message);
            }
        }

        return all;
    }
}
