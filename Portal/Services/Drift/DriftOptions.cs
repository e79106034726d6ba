namespace EdgePortal.Portal.Services.Drift;

/// <summary><c>EdgePortal:Drift</c>: how often AWS targets are checked for drift; zero or less turns the periodic check off.</summary>
public sealed record DriftOptions
{
    public const string SectionName = "EdgePortal:Drift";

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(15);

    public static DriftOptions Read(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<DriftOptions>() ?? new();
}
