using Connectivity.Idempotency;
using Connectivity.Idempotency.Internal;
using Connectivity.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Connectivity.Delivery.Internal;

/// <summary>Registrations shared by every store provider and the dispatcher; each is safe to repeat.</summary>
internal static class DeliveryServices
{
    public static void AddDeliveryOptions(IServiceCollection services)
    {
        services.AddOptions<OutboxDispatcherOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxDispatcherOptions>, OutboxDispatcherOptionsValidator>());
        services.AddOptions<IdempotencyOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>());
        services.AddOptions<InboxOptions>();
    }
}
