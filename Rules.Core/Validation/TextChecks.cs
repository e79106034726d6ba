namespace EdgePortal.Rules.Validation;

/// <summary>Character-level checks for operator text, most of which ends up in HTTP headers.</summary>
internal static class TextChecks
{
    /// <summary>Whitespace or a control character: in a header it could split or end the header.</summary>
    public static bool HasWhitespaceOrControl(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    public static bool HasControl(string value) => value.Any(char.IsControl);

    public static bool IsAscii(string value) => value.All(char.IsAscii);

    /// <summary>A lone surrogate has no UTF-8 form: such a string cannot be stored or sent anywhere.</summary>
    public static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }
        return false;
    }

    public const string NotText = "is not valid text: it holds a lone surrogate (\\uD800 to \\uDFFF)";
}
