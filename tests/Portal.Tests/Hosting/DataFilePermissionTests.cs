using EdgePortal.Portal.Data;
using EdgePortal.Portal.Tests.Integration;

namespace EdgePortal.Portal.Tests.Hosting;

public sealed class DataFilePermissionTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Startup_FreshDataDirectory_DatabaseAndKeysOnlyForThePortalsUser()
    {
        await using var factory = new PortalFactory();
        _ = factory.Services;
        using var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword); // writes a data-protection key

        Assert.Equal(PortalPaths.PrivateFile, File.GetUnixFileMode(factory.DatabaseFile));
        Assert.Equal(PortalPaths.PrivateDirectory, File.GetUnixFileMode(factory.DataDirectory));
        var keys = Path.Combine(factory.DataDirectory, "keys");
        Assert.Equal(PortalPaths.PrivateDirectory, File.GetUnixFileMode(keys));
        Assert.NotEmpty(Directory.GetFiles(keys));
    }
}
