namespace EdgePortal.Rules.Tests.Document;

/// <summary>The JSON files under TestData, copied next to the test assembly.</summary>
public static class Fixtures
{
    public static string Read(string relativePath) =>
        File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", relativePath));

    public static IEnumerable<string> Canonical() =>
        Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "canonical"), "*.json")
            .Select(f => "canonical/" + System.IO.Path.GetFileName(f))
            .Order(StringComparer.Ordinal);
}
