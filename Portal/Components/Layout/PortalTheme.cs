using MudBlazor;

namespace EdgePortal.Portal.Components.Layout;

/// <summary>The portal's look: a calm navy and blue, system fonts (no web font download), tight corners.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F5FAD",
            Secondary = "#00897B",
            Tertiary = "#6A4C93",
            AppbarBackground = "#0F2B46",
            AppbarText = "#FFFFFF",
            Background = "#F4F6F9",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#23303F",
            DrawerIcon = "#4A5B6E",
            TextPrimary = "#1C2733",
            TextSecondary = "#5B6B7C",
            Success = "#2E7D32",
            Warning = "#B26A00",
            Error = "#C62828",
            Info = "#1565C0",
            LinesDefault = "#DDE3EA",
            TableLines = "#E6EBF0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
                FontSize = "0.9rem",
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            DrawerWidthLeft = "232px",
        },
    };
}
