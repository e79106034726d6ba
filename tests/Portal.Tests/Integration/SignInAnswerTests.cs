using System.Diagnostics;
using EdgePortal.Portal.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>A failed sign-in does not tell whether the account exists: the same words, about the same time.</summary>
public sealed class SignInAnswerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SignIn_UnknownAndKnownAccount_AnswerTheSameWords()
    {
        await factory.CreateUserAsync("known-answer@example.com", PortalRoles.Viewer);

        var known = await factory.WithServicesAsync(s => s.GetRequiredService<SignInService>().SignInAsync("known-answer@example.com", "Wr0ng-Password!", false));
        var unknown = await factory.WithServicesAsync(s => s.GetRequiredService<SignInService>().SignInAsync("nobody-here@example.com", "Wr0ng-Password!", false));

        Assert.Equal(SignInService.FailedMessage, known.Error);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task SignIn_LockedOutAccount_AnswersTheWordsOfAWrongPassword()
    {
        await factory.CreateUserAsync("locked-answer@example.com", PortalRoles.Viewer);
        SignInOutcome? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = await factory.WithServicesAsync(s => s.GetRequiredService<SignInService>().SignInAsync("locked-answer@example.com", "Wr0ng-Password!", false));
        }

        var right = await factory.WithServicesAsync(s => s.GetRequiredService<SignInService>().SignInAsync("locked-answer@example.com", "Str0ng-Password!", false));

        Assert.Equal(SignInService.FailedMessage, last!.Error);
        Assert.Equal(SignInService.FailedMessage, right.Error);
    }

    [Fact]
    public async Task SignIn_UnknownAccount_TakesAboutAsLongAsAKnownOne()
    {
        await factory.CreateUserAsync("known-timing@example.com", PortalRoles.Viewer);
        // Warm up both paths (JIT, the dummy hash), then compare medians: without the dummy hash an unknown
        // account answers in well under a tenth of the time (no PBKDF2 at all).
        await TimeAsync("known-timing@example.com");
        await TimeAsync("unknown-timing@example.com");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            known.Add(await TimeAsync("known-timing@example.com"));
            unknown.Add(await TimeAsync($"unknown-timing-{i}@example.com"));
        }

        var ratio = Median(unknown) / Median(known);

        Assert.True(ratio > 0.5, $"unknown {Median(unknown):F1} ms vs known {Median(known):F1} ms");
    }

    private async Task<double> TimeAsync(string email)
    {
        var clock = Stopwatch.StartNew();
        await factory.WithServicesAsync(s => s.GetRequiredService<SignInService>().SignInAsync(email, "Wr0ng-Password!", false));
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
