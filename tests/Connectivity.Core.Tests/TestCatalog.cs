using Connectivity.Entities;
using Connectivity.Lifecycle;
using Connectivity.Ownership;

namespace Connectivity.Core.Tests;

/// <summary>A small made-up domain, so Core is tested without the canonical model: a ticket with lines and an address.</summary>
internal static class TestCatalog
{
    public static LifecycleDefinition TicketLifecycle { get; } = new LifecycleBuilder("ticket")
        .InitialStage("open")
        .Transition("open", "triaged", "closed")
        .Transition("triaged", "closed")
        .Build();

    public static EntityCatalog Instance { get; } = new(
    [
        new EntityDescriptor(
            "ticket",
            ["title", "priority", "stage", "notes", "address", "address.city", "address.street", "lines", "lines[*]", "lines[*].amount", "lines[*].text", "tags", "tags[*]", "extra.*"],
            TicketLifecycle,
            ignoredFields: ["id", "version", "modifiedAt"]),
    ]);

    /// <summary>desk owns the ticket; the stage and priority move to ops once triaged; ops owns line amounts.</summary>
    public static OwnershipPolicy Policy { get; } = CreateBuilder().Build();

    public static OwnershipPolicyBuilder CreateBuilder()
        => new OwnershipPolicyBuilder(Instance)
            .AddSystems("desk", "ops", "billing")
            .Entity("ticket", t => t
                .DefaultOwner("desk")
                .Field("stage", "desk", "open")
                .Field("stage", "ops", "triaged", "closed")
                .Field("priority", "ops", "triaged", "closed")
                .Field("lines[*].amount", "billing")
                .Field("address.*", "ops"));
}
