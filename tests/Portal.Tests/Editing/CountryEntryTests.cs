using EdgePortal.Portal.Services.Editing;

namespace EdgePortal.Portal.Tests.Editing;

public sealed class CountryEntryTests
{
    [Theory]
    [InlineData("DE, AT, CH")]
    [InlineData("de;at;ch")]
    [InlineData("DE AT CH")]
    [InlineData("Germany\nAustria\nSwitzerland")]
    [InlineData("DE, AT, CH, DE")]
    public void Parse_CommonWaysOfWritingAList_GiveTheCodesInOrder(string text)
    {
        var result = CountryEntry.Parse(text);

        Assert.Equal(["DE", "AT", "CH"], result.Codes);
        Assert.Empty(result.Unknown);
    }

    [Fact]
    public void Parse_UnassignedCodes_AreReportedNotAdded()
    {
        var result = CountryEntry.Parse("GB, UK, XK");

        Assert.Equal(["GB"], result.Codes);
        Assert.Equal(["UK", "XK"], result.Unknown);
    }
}
