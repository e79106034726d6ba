using System.Globalization;
using System.Text;

namespace EdgePortal.Rules.Document.Json;

/// <summary>
/// Writes JSON in the one canonical layout: two-space indentation, "\n" line ends, string lists on
/// one line, and only the escapes JSON requires (non-ASCII text is written as is).
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private readonly StringBuilder _text = new();
    // One entry per open container: whether it has a member yet.
    private readonly List<bool> _hasMembers = [];

    public void BeginObject() => Open('{');

    public void EndObject() => Close('}');

    public void BeginArray() => Open('[');

    public void EndArray() => Close(']');

    /// <summary>Starts an object that is an element of the current list.</summary>
    public void BeginElementObject()
    {
        NextMember();
        BeginObject();
    }

    public void Name(string name)
    {
        NextMember();
        WriteString(name);
        _text.Append(": ");
    }

    public void String(string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        Name(name);
        WriteString(value);
    }

    public void Number(string name, int? value)
    {
        if (value is { } number)
        {
            Name(name);
            _text.Append(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Bool(string name, bool? value)
    {
        if (value is { } flag)
        {
            Name(name);
            _text.Append(flag ? "true" : "false");
        }
    }

    /// <summary>A list of strings on one line; an empty list is left out.</summary>
    public void InlineStrings(string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        Name(name);
        _text.Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }
            WriteString(values[i]);
        }
        _text.Append(']');
    }

    public override string ToString() => _text.ToString() + "\n";

    private void Open(char bracket)
    {
        _text.Append(bracket);
        _hasMembers.Add(false);
    }

    private void Close(char bracket)
    {
        var hadMembers = _hasMembers[^1];
        _hasMembers.RemoveAt(_hasMembers.Count - 1);
        if (hadMembers)
        {
            NewLine();
        }
        _text.Append(bracket);
    }

    private void NextMember()
    {
        if (_hasMembers[^1])
        {
            _text.Append(',');
        }
        _hasMembers[^1] = true;
        NewLine();
    }

    private void NewLine() => _text.Append('\n').Append(' ', 2 * _hasMembers.Count);

    private void WriteString(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                case '\b': _text.Append("\\b"); break;
                case '\f': _text.Append("\\f"); break;
                default:
                    if (c < ' ' || IsLoneSurrogate(value, i))
                    {
                        // A lone surrogate has no UTF-8 form; escaped, the output stays valid JSON text.
                        _text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }
                    break;
            }
        }
        _text.Append('"');
    }

    private static bool IsLoneSurrogate(string value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }
        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }
}
