namespace EdgePortal.Portal.Services.Versions;

/// <summary>
/// One Lambda version of a target's function: what refers to it (associations on distributions, deployments), whether
/// that keeps it (<see cref="Kept"/> says why), and the last refusal to delete it, if any.
/// </summary>
public sealed record VersionRow(string Version, string CodeSha256, IReadOnlyList<string> References, string? Kept, string? Refusal)
{
    public bool Deletable => Kept is null;
}

/// <summary>The versions of a target's function, newest first; or why they could not be listed.</summary>
public sealed record VersionsView(string TargetId, string FunctionName, int Keep, IReadOnlyList<VersionRow> Versions, string? Failure)
{
    public IReadOnlyList<string> Deletable => [.. Versions.Where(v => v.Deletable).Select(v => v.Version)];
}

/// <summary>What became of one version an Admin chose to delete, in a sentence.</summary>
public sealed record VersionDeletion(string Version, bool Deleted, string Sentence);

/// <summary><c>EdgePortal:Versions</c>: how many of the newest versions are always kept (for a quick rollback).</summary>
public sealed record VersionOptions
{
    public const string SectionName = "EdgePortal:Versions";

    public int Keep { get; init; } = 5;

    public static VersionOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<VersionOptions>() ?? new();
        return options.Keep >= 0 ? options
            : throw new InvalidOperationException($"{SectionName}:Keep must be 0 or more (how many of the newest versions are kept); it is {options.Keep}.");
    }
}
