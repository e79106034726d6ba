using EdgePortal.Portal.Cli;
using EdgePortal.Portal.Cli.Rules;

namespace EdgePortal.Portal.Tests.Cli;

/// <summary>The loader every rules verb uses for its document argument.</summary>
public class ValidateCommandDocumentFileTests
{
    private static string Input(string name) => Path.Combine(AppContext.BaseDirectory, "Cli", "TestData", "validate", name);

    [Fact]
    public void TryLoad_ValidFile_GivesTheDocumentAndWritesNothing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var loaded = DocumentFile.TryLoad(Input("valid.json"), new CliConsole(output, error), out var document);

        Assert.True(loaded);
        Assert.Equal("ca-home", document!.Redirects[0].Id);
        Assert.Equal("", output.ToString() + error.ToString());
    }

    [Fact]
    public void TryLoad_InvalidFile_WritesEveryProblemToStandardError()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        var loaded = DocumentFile.TryLoad(Input("invalid.json"), new CliConsole(output, error), out var document);

        Assert.False(loaded);
        Assert.Null(document);
        Assert.Equal("", output.ToString());
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("invalid.json is not a valid rules document (9 problems):", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("  /", line));
    }

    [Fact]
    public void TryLoad_MissingFile_SaysSo()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        Assert.False(DocumentFile.TryLoad("missing.json", new CliConsole(output, error), out _));

        Assert.Equal("cannot read missing.json: no such file\n", error.ToString());
    }

    [Fact]
    public void Read_MalformedFile_GivesOneProblemForTheWholeDocument()
    {
        var result = DocumentFile.Read(Input("malformed.json"));

        Assert.False(result.IsValid);
        Assert.Null(result.ReadError);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("", problem.Pointer);
        Assert.StartsWith("not valid JSON at line 4, position ", problem.Message);
    }
}
