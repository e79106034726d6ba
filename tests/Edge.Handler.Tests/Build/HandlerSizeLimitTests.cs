using EdgePortal.Edge.Build;

namespace EdgePortal.Edge.Tests.Build;

public sealed class HandlerSizeLimitTests
{
    [Theory]
    [InlineData("origin-request,origin-response", "origin triggers")]
    [InlineData("origin-request", "origin triggers")]
    [InlineData("viewer-request", "viewer triggers")]
    [InlineData("origin-request,viewer-response", "viewer triggers")]
    public void For_EventTypes_IsTheLimitOfTheStrictestTrigger(string eventTypes, string trigger)
    {
        Assert.Equal(trigger, HandlerSizeLimit.For(eventTypes.Split(',')).Trigger);
    }
}
