using EdgePortal.Portal.Services.Editing;

namespace EdgePortal.Portal.Tests.Editing;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(60, "1 minute")]
    [InlineData(300, "5 minutes")]
    [InlineData(3600, "1 hour")]
    [InlineData(5400, "1 hour 30 minutes")]
    [InlineData(86400, "1 day")]
    [InlineData(90061, "1 day 1 hour 1 minute 1 second")]
    [InlineData(604800, "7 days")]
    [InlineData(31536000, "1 year")]
    public void Format_Seconds_ReadsAsPeopleSayIt(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(seconds));
}
