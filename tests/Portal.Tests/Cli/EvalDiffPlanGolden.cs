using System.Runtime.CompilerServices;
using System.Text;
using EdgePortal.Portal.Cli;

namespace EdgePortal.Portal.Tests.Cli;

/// <summary>
/// Runs a verb in-process and compares its output byte for byte with a golden file under Cli/TestData.
/// <c>EDGEPORTAL_REGENERATE_GOLDEN=1</c> rewrites the golden files instead (review the diff before committing).
/// </summary>
internal static class EvalDiffPlanGolden
{
    public static string TestData(string relative, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "TestData", relative);

    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }

    public static void AssertMatches(string goldenRelative, string actual)
    {
        var path = TestData(goldenRelative);
        if (Environment.GetEnvironmentVariable("EDGEPORTAL_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(actual));
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests once with EDGEPORTAL_REGENERATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllBytes(path), Encoding.UTF8.GetBytes(actual));
    }
}
