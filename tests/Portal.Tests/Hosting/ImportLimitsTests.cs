using System.Text;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Tests.Integration;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Tests.Hosting;

public sealed class ImportLimitsTests
{
    [Fact]
    public async Task Import_LargerThanTheDocumentLimit_RefusedWithTheLimitAndTheDraftUnchanged()
    {
        await using var factory = new PortalFactory();
        var editor = factory.EditorOf(await factory.NewUserAsync("Editor"));
        await editor.OpenAsync("local");
        editor.Session.AddRule(RuleSection.Cache);
        var json = "{\"schema\": \"edgeportal.rules/v1\", \"x\": \"" + new string('a', Limits.MaxDocumentBytes) + "\"}";

        var result = await editor.ImportAsync(json);

        var invalid = Assert.IsType<ChangeSetResult.Invalid>(result);
        Assert.Contains(invalid.Problems, p => p.Message == Limits.DocumentTooLarge(Encoding.UTF8.GetByteCount(json)));
        Assert.Single(editor.Session.Document.Cache);
    }
}
