using EdgePortal.Edge.Build;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>A portal whose local distribution takes seconds to deploy (so a second publish waits behind a first) and whose builder can change.</summary>
public sealed class PlanWorkerPortal : IAsyncDisposable
{
    public PlanWorkerPortal()
    {
        Portal = PublishingPortal.With(builder => builder
            .UseSetting($"{PortalPublishingOptions.SectionName}:LocalPropagationDelay", "00:00:03")
            .ConfigureTestServices(services => services.AddSingleton<IHandlerBuilder>(Builder)));
    }

    public ChangingBuilder Builder { get; } = new();

    public PublishingPortal Portal { get; }

    public async ValueTask DisposeAsync() => await Portal.DisposeAsync();
}
