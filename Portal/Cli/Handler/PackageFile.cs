namespace EdgePortal.Portal.Cli.Handler;

/// <summary>Reads the zip a <c>handler …</c> verb was given, with a clear message when it cannot.</summary>
internal static class PackageFile
{
    public static byte[]? TryRead(string verb, string path, CliConsole console)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            console.Error.WriteLine($"handler {verb}: cannot read {path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            console.Error.WriteLine($"handler {verb}: cannot read {path}: {(Directory.Exists(path) ? "it is a directory, not a file" : "permission denied")}");
        }
        catch (IOException error)
        {
            console.Error.WriteLine($"handler {verb}: cannot read {path}: {error.Message}");
        }
        return null;
    }
}
