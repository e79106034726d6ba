using Microsoft.Extensions.Options;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>Checked when the portal starts: a wrong setting stops it with one sentence naming the setting.</summary>
public sealed class PortalPublishingOptionsValidation : IValidateOptions<PortalPublishingOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalPublishingOptions options)
    {
        (string Setting, TimeSpan Value)[] durations =
        [
            (nameof(options.LocalPropagationDelay), options.LocalPropagationDelay),
            (nameof(options.LocalInvalidationDelay), options.LocalInvalidationDelay),
            (nameof(options.LocalPollInterval), options.LocalPollInterval),
            (nameof(options.BusyRetryInterval), options.BusyRetryInterval),
            (nameof(options.DeployedTimeout), options.DeployedTimeout),
        ];
        var wrong = durations.Where(d => d.Value < TimeSpan.Zero || (d.Value == TimeSpan.Zero && d.Setting != nameof(options.LocalPropagationDelay) && d.Setting != nameof(options.LocalInvalidationDelay)));
        return wrong.Select(d => $"{PortalPublishingOptions.SectionName}:{d.Setting} must be a positive duration (e.g. 00:00:05); it is {d.Value}.").FirstOrDefault() is { } sentence
            ? ValidateOptionsResult.Fail(sentence)
            : ValidateOptionsResult.Success;
    }
}

/// <summary>The emulator's endpoints, if set, must be complete and on loopback (<see cref="AwsEndpointsOptions.ToTargetEndpoints"/>).</summary>
public sealed class AwsEndpointsOptionsValidation : IValidateOptions<AwsEndpointsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsEndpointsOptions options)
    {
        try
        {
            options.ToTargetEndpoints();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException wrong)
        {
            return ValidateOptionsResult.Fail(wrong.Message);
        }
    }
}
