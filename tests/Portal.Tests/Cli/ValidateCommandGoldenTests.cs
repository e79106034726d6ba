using System.Runtime.CompilerServices;
using EdgePortal.Portal.Cli;

namespace EdgePortal.Portal.Tests.Cli;

/// <summary>
/// <c>rules validate</c> output compared byte for byte with Cli/TestData/validate/*.expected.
/// Set EDGEPORTAL_REGENERATE_GOLDEN=1 to rewrite them (see the README there).
/// </summary>
public class ValidateCommandGoldenTests
{
    [Theory]
    [InlineData("valid")]
    [InlineData("invalid")]
    [InlineData("malformed")]
    [InlineData("missing")]
    public async Task RulesValidate_Output_MatchesGoldenFile(string name)
    {
        var input = Path.Combine(AppContext.BaseDirectory, "Cli", "TestData", "validate", name + ".json");

        var actual = await RunAsync("rules", "validate", input);

        var expectedPath = Path.Combine(SourceFolder(), "TestData", "validate", name + ".expected");
        if (Environment.GetEnvironmentVariable("EDGEPORTAL_REGENERATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with EDGEPORTAL_REGENERATE_GOLDEN=1 to create it");
        Assert.Equal(await File.ReadAllTextAsync(expectedPath), actual);
    }

    /// <summary>Runs the command line in-process and renders what a user would see, paths made machine-independent.</summary>
    internal static async Task<string> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        var exit = await CliApp.RunAsync(args, new CliConsole(output, error));

        var text = $"exit: {exit}\n--- stdout\n{output}--- stderr\n{error}";
        return text.Replace(AppContext.BaseDirectory, "", StringComparison.Ordinal);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
