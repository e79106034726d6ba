using System.Net;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class OneTimePasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SignIn_OneTimePasswordUsedOnce_IsRefusedTheSecondTime()
    {
        var password = await AddWithOneTimePasswordAsync("otp-twice@example.com");

        var first = await BrowserForms.SignInAsync(factory.CreateBrowser(), "otp-twice@example.com", password);
        var second = await BrowserForms.SignInAsync(factory.CreateBrowser(), "otp-twice@example.com", password);

        Assert.Equal("/account/change-password", BrowserForms.RedirectPath(first));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("This one-time password has expired", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OneTimePasswordOlderThanItsLifetime_IsRefused()
    {
        var password = await AddWithOneTimePasswordAsync("otp-old@example.com");
        await factory.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync("otp-old@example.com"))!;
            user.OneTimePasswordExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await users.UpdateAsync(user);
        });

        var response = await BrowserForms.SignInAsync(factory.CreateBrowser(), "otp-old@example.com", password);

        Assert.Contains("This one-time password has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(BrowserForms.RedirectPath(response));
    }

    [Fact]
    public async Task ChangePassword_NewSameAsOneTime_IsRefusedAndTheOneTimeStaysUnusable()
    {
        var password = await AddWithOneTimePasswordAsync("otp-same@example.com");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, "otp-same@example.com", password);

        var change = await BrowserForms.PostFormAsync(browser, "/account/change-password", "change-password",
            [new("Input.Current", password), new("Input.New", password), new("Input.Confirm", password)]);
        var stillMustChange = await browser.GetAsync("/");

        Assert.Contains("The new password must differ from the one-time password.", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/account/change-password", BrowserForms.RedirectPath(stillMustChange));
    }

    [Fact]
    public async Task ChangePassword_NewDifferent_EndsOneTimeStateAndSignsInWithTheNewOne()
    {
        var password = await AddWithOneTimePasswordAsync("otp-changed@example.com");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, "otp-changed@example.com", password);

        var change = await BrowserForms.PostFormAsync(browser, "/account/change-password", "change-password",
            [new("Input.Current", password), new("Input.New", "My-Own-Passw0rd!"), new("Input.Confirm", "My-Own-Passw0rd!")]);
        var again = await BrowserForms.SignInAsync(factory.CreateBrowser(), "otp-changed@example.com", "My-Own-Passw0rd!");

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal("/", BrowserForms.RedirectPath(again));
    }

    [Fact]
    public void From_BadLifetime_NamesTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(OneTimePasswordLifetime.SettingName, "soon")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => { _ = OneTimePasswordLifetime.From(configuration); });

        Assert.Equal("Accounts:OneTimePasswordLifetime: give a positive time span (1.00:00:00 is a day), not \"soon\".", error.Message);
    }

    private async Task<string> AddWithOneTimePasswordAsync(string email)
    {
        var added = await factory.WithServicesAsync(s => s.GetRequiredService<UserAccounts>().AddAsync(email, PortalRoles.Viewer, null, actor: "test"));
        return added.GeneratedPassword!;
    }
}
