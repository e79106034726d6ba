namespace EdgePortal.Portal.Services.Editing;

public static class EditingServices
{
    /// <summary>The rule editors' state: one draft session and its store per circuit.</summary>
    public static IServiceCollection AddRuleEditing(this IServiceCollection services)
    {
        services.AddScoped<DraftSession>();
        services.AddScoped<DraftStore>();
        return services;
    }
}
