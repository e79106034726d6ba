using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class AuditKeysTests
{
    [Fact]
    public async Task KeyFiles_FirstStart_AreCreatedBesideTheDataProtectionKeysOwnerOnly()
    {
        await using var factory = new PortalFactory();
        await AuditSealTests.WriteCheckpointAsync(factory);

        foreach (var name in new[] { AuditKeys.SealKeyFileName, AuditKeys.CheckpointKeyFileName })
        {
            var file = Path.Combine(factory.DataDirectory, "keys", name);
            Assert.True(File.Exists(file), $"{name} missing");
            var key = Convert.FromBase64String(JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("keys")[0].GetProperty("key").GetString()!);
            Assert.Equal(32, key.Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task Exports_CheckpointsDatabaseAndLogs_ContainNoKey()
    {
        await using var factory = new PortalFactory();
        var (approver, _) = await AuditSealTests.ApproveWithCommentAsync(factory, "fine");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, approver.Identity!.Name!, ApprovalsScenario.Password);

        var csv = await browser.GetStringAsync("/audit/export/csv");
        var jsonl = await browser.GetStringAsync("/audit/export/jsonl");
        var checkpoints = await File.ReadAllTextAsync(Path.Combine(factory.DataDirectory, AuditCheckpoints.FileName));
        var database = Convert.ToHexString(await File.ReadAllBytesAsync(factory.DatabaseFile));
        var logs = string.Join("\n", factory.Logs.Lines);

        var secrets = KeysOf(factory, AuditKeys.SealKeyFileName).Concat(KeysOf(factory, AuditKeys.CheckpointKeyFileName)).ToList();
        Assert.Equal(2, secrets.Count);
        foreach (var key in secrets)
        {
            foreach (var form in new[] { Convert.ToBase64String(key), Convert.ToHexString(key), Convert.ToHexStringLower(key) })
            {
                Assert.DoesNotContain(form, csv, StringComparison.Ordinal);
                Assert.DoesNotContain(form, jsonl, StringComparison.Ordinal);
                Assert.DoesNotContain(form, checkpoints, StringComparison.Ordinal);
                Assert.DoesNotContain(form, logs, StringComparison.Ordinal);
            }
            Assert.DoesNotContain(Convert.ToHexString(key), database, StringComparison.Ordinal);
        }
        Assert.Contains(",audit.key-rotated,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SealKey_GivenByConfiguration_SealsWithItAndWritesNoSealKeyFile()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var factory = new PortalFactory { Settings = new Dictionary<string, string> { ["Audit:SealKey"] = Convert.ToBase64String(key) } };
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);

        var result = await AuditSealTests.VerifyAsync(factory, admin);
        var keyIds = await KeyIdsAsync(factory);

        Assert.True(result.Intact, result.Message);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "keys", AuditKeys.SealKeyFileName)));
        Assert.Equal(new AuditKey(key).Id, Assert.Single(keyIds));
    }

    [Fact]
    public async Task SealKey_RotatedInConfigurationWithOldKeyRetired_RecordsRotationAndStaysIntact()
    {
        var (first, second) = (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var directory = PortalFactory.NewDataDirectory();
        await using (var before = new PortalFactory { DataDirectory = directory, Settings = new Dictionary<string, string> { ["Audit:SealKey"] = first } })
        {
            await AuditSealTests.AddEventsAsync(before, 2);
        }
        var after = new PortalFactory
        {
            DataDirectory = directory,
            Settings = new Dictionary<string, string> { ["Audit:SealKey"] = second, ["Audit:RetiredSealKeys:0"] = first },
        };
        var forgotten = new PortalFactory { DataDirectory = directory, Settings = new Dictionary<string, string> { ["Audit:SealKey"] = second } };

        try
        {
            var admin = await after.PrincipalForAsync(PortalFactory.AdminEmail);
            await AuditSealTests.AddEventsAsync(after, 1);
            var intact = await AuditSealTests.VerifyAsync(after, admin);
            var rotations = await RotationsAsync(after);
            var withoutOldKey = await AuditSealTests.VerifyAsync(forgotten, admin);

            Assert.True(intact.Intact, intact.Message);
            Assert.Equal([$"{{\"from\":null,\"to\":\"{new AuditKey(Convert.FromBase64String(first)).Id}\"}}",
                $"{{\"from\":\"{new AuditKey(Convert.FromBase64String(first)).Id}\",\"to\":\"{new AuditKey(Convert.FromBase64String(second)).Id}\"}}"], rotations);
            Assert.False(withoutOldKey.Intact);
            Assert.Equal(1, withoutOldKey.BrokenEventId);
            Assert.Contains("which this portal does not hold", withoutOldKey.Message, StringComparison.Ordinal);
        }
        finally
        {
            await after.DisposeAsync();
            await forgotten.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SealKeyFile_Rotated_NextEventIsTheRotationAndChainStaysIntact()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);
        var keys = factory.Services.GetRequiredService<AuditKeys>();
        var old = keys.Seal.Current.Id;

        var rotated = keys.Seal.Rotate();
        await AuditSealTests.AddEventsAsync(factory, 1);
        var result = await AuditSealTests.VerifyAsync(factory, admin);

        Assert.True(result.Intact, result.Message);
        Assert.NotEqual(old, rotated);
        Assert.Equal($"{{\"from\":\"{old}\",\"to\":\"{rotated}\"}}", (await RotationsAsync(factory))[^1]);
        Assert.Equal(2, KeysOf(factory, AuditKeys.SealKeyFileName).Count());
    }

    [Fact]
    public async Task SealKeyFile_RotatedByAnotherProcess_RunningPortalSealsWithTheNewKey()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);
        var file = Path.Combine(factory.DataDirectory, "keys", AuditKeys.SealKeyFileName);

        var rotated = new AuditKeyRing(file, "SealKey", null, []).Rotate();
        var last = await AuditSealTests.AddEventsAsync(factory, 1);
        var sealedWith = await factory.WithServicesAsync(s =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(s.GetRequiredService<PortalDbContext>().AuditEvents.Where(e => e.Id == last).Select(e => e.SealKeyId)));
        var result = await AuditSealTests.VerifyAsync(factory, admin);

        Assert.Equal(rotated, sealedWith);
        Assert.True(result.Intact, result.Message);
    }

    [Fact]
    public async Task SealKey_NotBase64_FailsNamingTheSetting()
    {
        await using var factory = new PortalFactory { Settings = new Dictionary<string, string> { ["Audit:SealKey"] = "not a key!" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Audit:SealKey: not base64", error.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<byte[]> KeysOf(PortalFactory factory, string fileName) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(factory.DataDirectory, "keys", fileName))).RootElement.GetProperty("keys")
            .EnumerateArray().Select(k => Convert.FromBase64String(k.GetProperty("key").GetString()!));

    private static Task<List<string?>> KeyIdsAsync(PortalFactory factory) => factory.WithServicesAsync(s =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            s.GetRequiredService<PortalDbContext>().AuditEvents.Select(e => e.SealKeyId).Distinct()));

    private static Task<List<string>> RotationsAsync(PortalFactory factory) => factory.WithServicesAsync(s =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            s.GetRequiredService<PortalDbContext>().AuditEvents.Where(e => e.Action == AuditActions.AuditKeyRotated).OrderBy(e => e.Id).Select(e => e.DetailsJson)));
}
