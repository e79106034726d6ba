using EdgePortal.Portal.Services.Versions;
using Microsoft.Extensions.Configuration;

namespace EdgePortal.Portal.Tests.Versions;

public sealed class VersionOptionsTests
{
    [Fact]
    public void Read_NothingSet_KeepsTheNewestFive() => Assert.Equal(5, VersionOptions.Read(Configuration()).Keep);

    [Fact]
    public void Read_NegativeKeep_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VersionOptions.Read(Configuration(("EdgePortal:Versions:Keep", "-1"))));

        Assert.Equal("EdgePortal:Versions:Keep must be 0 or more (how many of the newest versions are kept); it is -1.", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
