extern alias emulator;
using System.Text;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Services.Targets;
using EdgePortal.Rules.Document;
using emulator::EdgePortal.AwsEmulator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Adding, editing, retiring and adopting targets through the service the Targets page and <c>targets add</c> call.</summary>
public sealed class TargetAdminTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private PublishingPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _portal = EmulatorTargetPortal.Start(_emulator);
        await _portal.WithAsync(s => s.GetRequiredService<ITargetService>().ListAsync());
    }

    public static TargetInput Production() => new()
    {
        Id = "prod",
        DisplayName = "Production",
        FunctionName = EmulatorSeed.FunctionName,
        DistributionId = EmulatorSeed.DistributionId,
        CacheBehaviors = ["/video/*"],
        EventTypes = ["origin-request", "origin-response"],
    };

    [Fact]
    public async Task AddAsync_AwsTargetByAdmin_IsListedWithAFirstRevisionThatIsNotLive()
    {
        var admin = await _portal.UserAsync("Admin");

        var result = await AdminAsync(s => s.AddAsync(admin, Production()));

        Assert.True(result.IsSaved, string.Join(" ", result.Sentences));
        var listed = Assert.Single(await _portal.WithAsync(s => s.GetRequiredService<ITargetService>().ListAsync()), t => t.Id == "prod");
        Assert.Equal(("Production", Edge.Publishing.TargetKind.Aws, "EDFDVBD6EXAMPLE", 1, null), (listed.DisplayName, listed.Kind, listed.DistributionId, listed.ApprovalsRequired, listed.LiveRevision));
        var revision = Assert.Single(await _portal.WithAsync(s => s.GetRequiredService<IRevisionService>().ListAsync("prod")));
        Assert.Equal(1, revision.Number);
    }

    [Fact]
    public async Task AddAsync_Approver_IsRefusedAndNothingIsStored()
    {
        var approver = await _portal.UserAsync("Approver");

        var result = await AdminAsync(s => s.AddAsync(approver, Production()));

        Assert.Equal("Only an Admin can add targets; you are Approver.", result.Refusal);
        Assert.Null(await _portal.WithAsync(s => s.GetRequiredService<ITargetService>().GetAsync("prod")));
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { nameof(TargetInput.FunctionName), "arn:aws:lambda:eu-west-1:123456789012:function:edge-rules", "FunctionName: Lambda@Edge functions must be in us-east-1; 'arn:aws:lambda:eu-west-1:123456789012:function:edge-rules' is in eu-west-1." },
        { nameof(TargetInput.FunctionName), "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:6", "FunctionName: give the unqualified ARN (without :6); each publish creates and associates its own version." },
        { nameof(TargetInput.DistributionId), "d111111abcdef8", "DistributionId: 'd111111abcdef8' is not a distribution id; CloudFront's are E followed by 13 upper-case letters and digits (e.g. E2QWRUHAPOMQZL)." },
        { nameof(TargetInput.EventTypes), "viewer-response,origin-start", "EventTypes: 'origin-start' is not a Lambda@Edge event type (viewer-request, origin-request, origin-response, viewer-response)." },
        { nameof(TargetInput.ApprovalsRequired), "6", "ApprovalsRequired: 6 is not between 1 and 5." },
        { nameof(TargetInput.MaxInvalidationPaths), "3001", "MaxInvalidationPaths: 3001 is not between 1 and CloudFront's limit of 3,000." },
        { nameof(TargetInput.MaxWildcardPaths), "16", "MaxWildcardPaths: 16 is not between 1 and CloudFront's limit of 15." },
        { nameof(TargetInput.RoleArn), "AKIAIOSFODNN7EXAMPLE", "RoleArn: that is an access key id; the portal stores no secrets. Give a role ARN to assume, or leave it empty for the default credential chain." },
        { nameof(TargetInput.ExternalId), "partner-42", "ExternalId: an external id goes with a role to assume; give the RoleArn too, or leave both empty for the default chain." },
        { nameof(TargetInput.RequiredTargetId), "staging", "RequiredTargetId: there is no target 'staging'." },
        { nameof(TargetInput.Id), "Prod EU", "Id: 'Prod EU' is not a target id; use 1 to 64 lower-case letters, digits and hyphens, starting with a letter (e.g. prod-eu)." },
        { nameof(TargetInput.Id), "local", "Id: there is already a target 'local'." },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task AddAsync_BadField_NamesTheFieldAndStoresNothing(string field, string value, string sentence)
    {
        var admin = await _portal.UserAsync("Admin");
        var input = Production();
        Set(input, field, value);

        var result = await AdminAsync(s => s.AddAsync(admin, input));

        Assert.Equal(sentence, Assert.Single(result.Problems, p => p.Key == field).Value);
        Assert.False(result.IsSaved);
        Assert.Equal(["local"], (await _portal.WithAsync(s => s.GetRequiredService<ITargetService>().ListAsync(includeRetired: true))).Select(t => t.Id));
    }

    [Fact]
    public async Task AddAsync_RoleToAssumeThenTestConnection_DatabaseHoldsNoSecret()
    {
        var admin = await _portal.UserAsync("Admin");
        var input = Production();
        input.RoleArn = "arn:aws:iam::123456789012:role/edge-portal-publisher";
        input.ExternalId = "partner-42";

        Assert.True((await AdminAsync(s => s.AddAsync(admin, input))).IsSaved);
        await _portal.WithAsync(s => s.GetRequiredService<TargetCheckService>().CheckAsync(admin, "prod"));

        var settings = await _portal.WithAsync(async s => (await s.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext()
            .Targets.SingleAsync(t => t.Id == "prod")).SettingsJson);
        Assert.Equal("""{"queryStringsInCacheKey":false,"roleArn":"arn:aws:iam::123456789012:role/edge-portal-publisher","externalId":"partner-42"}""", settings);
        SqliteConnection.ClearAllPools();
        var directory = _portal.Services.GetRequiredService<PortalPaths>().DataDirectory;
        var bytes = Directory.GetFiles(directory, PortalPaths.DatabaseFileName + "*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.True(bytes.Length > 0);
        Assert.DoesNotContain(EmulatorOptions.ExampleSecretAccessKey, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorOptions.ExampleAccessKeyId, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_RequirementInACircle_IsRefusedNamingTheField()
    {
        var admin = await _portal.UserAsync("Admin");
        var staging = Production();
        staging.Id = "staging";
        staging.DisplayName = "Staging";
        Assert.True((await AdminAsync(s => s.AddAsync(admin, staging))).IsSaved);
        var production = Production();
        production.RequiredTargetId = "staging";
        Assert.True((await AdminAsync(s => s.AddAsync(admin, production))).IsSaved);

        staging.RequiredTargetId = "prod";
        var result = await AdminAsync(s => s.UpdateAsync(admin, staging));

        Assert.Equal("RequiredTargetId: 'prod' already requires 'staging' (directly or through others); that would be a circle.", result.Problems[nameof(TargetInput.RequiredTargetId)]);
        Assert.Null((await _portal.WithAsync(s => s.GetRequiredService<ITargetService>().GetAsync("staging")))!.RequiredTargetId);
    }

    [Fact]
    public async Task RetireAsync_AwsTarget_HiddenFromListsAndPublishingButKeptWithItsRevisions()
    {
        var admin = await _portal.UserAsync("Admin");
        Assert.True((await AdminAsync(s => s.AddAsync(admin, Production()))).IsSaved);

        Assert.True((await AdminAsync(s => s.RetireAsync(admin, "prod"))).IsSaved);

        Assert.DoesNotContain(await _portal.WithAsync(s => s.GetRequiredService<ITargetService>().ListAsync()), t => t.Id == "prod");
        Assert.True((await _portal.WithAsync(s => s.GetRequiredService<ITargetService>().GetAsync("prod")))!.IsRetired);
        var revision = Assert.Single(await _portal.WithAsync(s => s.GetRequiredService<IRevisionService>().ListAsync("prod")));
        var publish = await _portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(admin, "prod", revision.Id));
        Assert.Equal("Target 'prod' is retired; it is kept for history and takes no publishes.", Assert.IsType<PublishResult.Refused>(publish).Message);
    }

    [Fact]
    public async Task ReadAsync_SeededDistribution_ShowsItsGeoRestrictionAndTheVersionsItsBehavioursRun()
    {
        var reading = await _portal.WithAsync(s => s.GetRequiredService<DistributionAdoption>().ReadAsync(Production()));

        Assert.Null(reading.Refusal);
        Assert.Equal("allows only US, CA, GB, DE", reading.GeoSentence);
        Assert.Contains(reading.Associations, a => a is { CacheBehavior: "*", EventType: "origin-request", FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:6" });
        Assert.Contains(reading.Associations, a => a is { CacheBehavior: "/video/*", EventType: "origin-response" });
    }

    [Fact]
    public async Task ReadAsync_UnknownDistribution_SaysItCouldNotRead()
    {
        var input = Production();
        input.DistributionId = "E00000000000000";

        var reading = await _portal.WithAsync(s => s.GetRequiredService<DistributionAdoption>().ReadAsync(input));

        Assert.StartsWith("Could not read distribution E00000000000000: ", reading.Refusal);
        Assert.Null(reading.GeoRestriction);
    }

    [Fact]
    public async Task AddAsync_AdoptedGeoRestriction_FirstPublishKeepsTheDistributionsRestrictionAsItWas()
    {
        var admin = await _portal.UserAsync("Admin");
        var input = Production();
        input.AdoptedGeo = (await _portal.WithAsync(s => s.GetRequiredService<DistributionAdoption>().ReadAsync(input))).AdoptableGeo;

        Assert.True((await AdminAsync(s => s.AddAsync(admin, input))).IsSaved);

        var revision = Assert.Single(await _portal.WithAsync(s => s.GetRequiredService<IRevisionService>().ListAsync("prod")));
        var document = (await _portal.WithAsync(s => s.GetRequiredService<IRevisionService>().GetAsync(revision.Id)))!.Document;
        Assert.Equal((GeoMode.Allow, GeoEnforcement.Distribution), (document.EffectiveGeo.EffectiveMode, document.EffectiveGeo.EffectiveEnforce));
        var preview = await _portal.WithAsync(s => s.GetRequiredService<PublishService>().PreviewAsync("prod", revision.Id));
        Assert.Equal("whitelist", preview!.GeoRestriction!.RestrictionType);
        Assert.Equal(["US", "CA", "GB", "DE"], preview.GeoRestriction.Locations);
    }

    private Task<TargetAdminResult> AdminAsync(Func<TargetAdminService, Task<TargetAdminResult>> action) =>
        _portal.WithAsync(s => action(s.GetRequiredService<TargetAdminService>()));

    private static void Set(TargetInput input, string field, string value)
    {
        switch (field)
        {
            case nameof(TargetInput.Id): input.Id = value; break;
            case nameof(TargetInput.FunctionName): input.FunctionName = value; break;
            case nameof(TargetInput.DistributionId): input.DistributionId = value; break;
            case nameof(TargetInput.EventTypes): input.EventTypes = [.. value.Split(',')]; break;
            case nameof(TargetInput.ApprovalsRequired): input.ApprovalsRequired = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(TargetInput.MaxInvalidationPaths): input.MaxInvalidationPaths = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(TargetInput.MaxWildcardPaths): input.MaxWildcardPaths = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(TargetInput.RoleArn): input.RoleArn = value; break;
            case nameof(TargetInput.ExternalId): input.ExternalId = value; break;
            case nameof(TargetInput.RequiredTargetId): input.RequiredTargetId = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "no such field in the test");
        }
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
