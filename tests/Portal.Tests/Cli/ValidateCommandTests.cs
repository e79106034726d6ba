namespace EdgePortal.Portal.Tests.Cli;

public class ValidateCommandTests
{
    private static string Input(string name) => Path.Combine(AppContext.BaseDirectory, "Cli", "TestData", "validate", name);

    [Fact]
    public async Task RulesValidate_ValidDocument_ExitsZeroWithASummary()
    {
        var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate", Input("valid.json"));

        Assert.StartsWith("exit: 0\n--- stdout\nvalid: edgeportal.rules/v1, 1 access rule, 1 redirect, 1 origin, 2 cache rules (sha256 ", output);
        Assert.EndsWith(")\n--- stderr\n", output);
    }

    [Fact]
    public async Task RulesValidate_InvalidDocument_ListsEachProblemWithItsPointer()
    {
        var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate", Input("invalid.json"));

        Assert.StartsWith("exit: 2\n", output);
        Assert.Contains("\n/redirects/1/loction: unknown property 'loction' (did you mean 'location'?)\n", output);
        Assert.Contains("\n/geo/countries/1: \"UK\" is not an assigned ISO 3166-1 alpha-2 country code (the United Kingdom is \"GB\")\n", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task RulesValidate_MissingFile_ExitsTwoWithAClearMessage()
    {
        var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate", "/no/such/dir/rules.json");

        Assert.Equal("exit: 2\n--- stdout\n--- stderr\nrules validate: cannot read /no/such/dir/rules.json: no such file\n", output);
    }

    [Fact]
    public async Task RulesValidate_Directory_ExitsTwoWithAClearMessage()
    {
        var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate", Path.GetTempPath());

        Assert.StartsWith("exit: 2\n--- stdout\n--- stderr\nrules validate: cannot read ", output);
        Assert.EndsWith(": it is a directory, not a file\n", output);
    }

    [Fact]
    public async Task RulesValidate_NotUtf8_ExitsTwoWithAClearMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgeportal-latin1-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, [.. "{\"schema\": \"edgeportal.rules/v1\", \"blockedResponse\": {\"body\": \"gr"u8, 0xFC, .. "n\"}}"u8]);
        try
        {
            var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate", path);

            Assert.Equal($"exit: 2\n--- stdout\n--- stderr\nrules validate: cannot read {path}: it is not UTF-8 text\n", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RulesValidate_Utf8WithByteOrderMark_IsAccepted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgeportal-bom-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. "{\"schema\": \"edgeportal.rules/v1\"}"u8]);
        try
        {
            var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate", path);

            Assert.StartsWith("exit: 0\n--- stdout\nvalid: edgeportal.rules/v1, 0 access rules, 0 redirects, 0 origins, 0 cache rules (sha256 ", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RulesValidate_NoFileArgument_ExitsTwo()
    {
        var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate");

        Assert.StartsWith("exit: 2\n", output);
    }

    [Fact]
    public async Task RulesValidate_Help_DescribesTheVerb()
    {
        var output = await ValidateCommandGoldenTests.RunAsync("rules", "validate", "--help");

        Assert.StartsWith("exit: 0\n--- stdout\n", output);
        Assert.Contains("Check a rules document and list every problem with its JSON pointer", output);
        Assert.Contains("<file>", output);
    }
}
