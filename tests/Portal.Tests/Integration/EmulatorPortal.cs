extern alias emulator;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping.Http;
using EdgePortal.Portal.Services.Publishing;
using emulator::EdgePortal.AwsEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>A publishing portal whose AWS targets reach the emulator, signing with its example keys.</summary>
public static class EmulatorPortal
{
    public static PublishingPortal On(EmulatorHost emulator)
    {
        var endpoint = emulator.BaseUri.ToString();
        return PublishingPortal.With(builder => builder
            .UseSetting($"{AwsEndpointsOptions.SectionName}:Lambda", endpoint)
            .UseSetting($"{AwsEndpointsOptions.SectionName}:CloudFront", endpoint)
            .UseSetting($"{AwsEndpointsOptions.SectionName}:Iam", endpoint + "iam/")
            // The emulator's example keys instead of the machine's credential chain.
            .ConfigureServices(services => services.AddSingleton<IShippingClientFactory>(sp => new ShippingClientFactory(
                sp.GetRequiredService<LocalAws>(),
                () => AwsCredentialsFactory.FromKeys(EmulatorOptions.ExampleAccessKeyId, EmulatorOptions.ExampleSecretAccessKey)))));
    }
}
