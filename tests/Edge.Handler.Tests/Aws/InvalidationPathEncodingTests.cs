using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class InvalidationPathEncodingTests
{
    [Theory]
    [InlineData("/index.html", "/index.html")]
    [InlineData("/menu du jour/*", "/menu%20du%20jour/*")]
    [InlineData("/café.html", "/caf%C3%A9.html")]
    [InlineData("/日本/*", "/%E6%97%A5%E6%9C%AC/*")]
    [InlineData("/emoji/😀", "/emoji/%F0%9F%98%80")]
    [InlineData("/a\"<>#{}|\\^~[]`b", "/a%22%3C%3E%23%7B%7D%7C%5C%5E%7E%5B%5D%60b")]
    [InlineData("/tab\there", "/tab%09here")]
    [InlineData("/100%", "/100%25")]
    [InlineData("/a?b=c&d=e;f:g@h$i+j,k!l'm(n)o*", "/a?b=c&d=e;f:g@h$i+j,k!l'm(n)o*")]
    public void Encode_Path_EncodesExactlyTheCharactersCloudFrontNames(string path, string expected)
    {
        Assert.Equal(expected, InvalidationPathEncoding.Encode(path));
    }

    [Theory]
    [InlineData("/menu du jour/*")]
    [InlineData("/café.html")]
    [InlineData("/already%20encoded/*")]
    [InlineData("/100%")]
    public void Encode_EncodedPath_IsLeftAsItIs(string path)
    {
        var once = InvalidationPathEncoding.Encode(path);

        Assert.Equal(once, InvalidationPathEncoding.Encode(once));
        Assert.False(InvalidationPathEncoding.HasUnencoded(once));
    }
}
