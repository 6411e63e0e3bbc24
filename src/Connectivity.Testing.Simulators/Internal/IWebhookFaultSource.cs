namespace Connectivity.Testing.Simulators.Internal;

/// <summary>The webhook side of <see cref="SimulatorFaults"/>, answered by the owning system.</summary>
internal interface IWebhookFaultSource
{
    bool ShouldDuplicate();

    bool ShouldHoldBack(out TimeSpan hold);

    void CountReordered();
}
