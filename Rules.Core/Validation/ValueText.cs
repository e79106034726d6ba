using System.Globalization;
using System.Text;

namespace EdgePortal.Rules.Validation;

/// <summary>Shows an operator's value inside a message: quoted, shortened, control characters made visible.</summary>
internal static class ValueText
{
    private const int MaxShown = 60;

    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        var shown = value.Length > MaxShown ? value[..MaxShown] : value;
        foreach (var c in shown)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        text.Append(value.Length > MaxShown ? "…\"" : "\"");
        return text.ToString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
