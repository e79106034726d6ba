using EdgePortal.Portal.Services.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Publishing's settings are bound once and checked when the portal starts, not at the first publish.</summary>
public sealed class PublishingSettingsTests
{
    [Fact]
    public async Task Start_NegativePollInterval_FailsWithOneSentenceNamingTheSetting()
    {
        await using var portal = PublishingPortal.With(builder => builder.UseSetting($"{PortalPublishingOptions.SectionName}:LocalPollInterval", "-00:00:01"));

        var error = Assert.Throws<OptionsValidationException>(() => portal.Services);

        Assert.Equal("EdgePortal:Publishing:LocalPollInterval must be a positive duration (e.g. 00:00:05); it is -00:00:01.", error.Message);
    }

    [Fact]
    public async Task Start_EmulatorEndpointNotOnLoopback_FailsNamingTheSetting()
    {
        await using var portal = PublishingPortal.With(builder => builder
            .UseSetting($"{AwsEndpointsOptions.SectionName}:Lambda", "http://lambda.example.com/")
            .UseSetting($"{AwsEndpointsOptions.SectionName}:CloudFront", "http://127.0.0.1:4566/"));

        var error = Assert.Throws<OptionsValidationException>(() => portal.Services);

        Assert.Equal("EdgePortal:AwsEndpoints:Lambda must be a loopback address (it is for testing against the emulator); it is http://lambda.example.com/.", error.Message);
    }

    [Fact]
    public async Task Start_ShortPollInterval_PublisherAndLocalTargetUseTheBoundSettings()
    {
        await using var portal = PublishingPortal.With(("LocalPollInterval", "00:00:00.250"), ("DeployedTimeout", "00:00:42"));

        var publisher = portal.Services.GetRequiredService<Edge.Publishing.PublisherOptions>();

        Assert.Equal((TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(42)), (publisher.LocalDeployedPollInterval, publisher.DeployedTimeout));
        Assert.StartsWith(portal.Factory.DataDirectory, portal.Services.GetRequiredService<Edge.Local.LocalTargetOptions>().Directory, StringComparison.Ordinal);
    }
}
