using System.Text.Json;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Document.Json;

/// <summary>
/// Reads the properties of one JSON object leniently: a value of the wrong kind is recorded as a
/// problem and read as absent, unknown and repeated properties are problems, and reading goes on.
/// </summary>
internal sealed class ObjectReader
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly JsonShape _shape;
    private readonly List<Problem> _problems;

    public ObjectReader(JsonElement element, string pointer, JsonShape shape, List<Problem> problems)
    {
        Pointer = pointer;
        _shape = shape;
        _problems = problems;
        foreach (var property in element.EnumerateObject())
        {
            var at = JsonPointer.Append(pointer, property.Name);
            if (!shape.Properties.Contains(property.Name))
            {
                _problems.Add(new Problem(at, UnknownPropertyMessage(property.Name)));
            }
            else if (!_values.TryAdd(property.Name, property.Value))
            {
                _problems.Add(new Problem(at, $"{property.Name} appears more than once; keep one (a repeated property would silently replace the first)"));
            }
        }
    }

    public string Pointer { get; }

    public string At(string name) => JsonPointer.Append(Pointer, name);

    public string? String(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Report(name, $"{name} must be a string, not {JsonValues.Describe(value)}");
            return null;
        }
        return JsonValues.ReadString(value, At(name), _problems);
    }

    public int? Int(string name, string expectation)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }
        Report(name, $"{name} must be {expectation}, not {JsonValues.Describe(value)}");
        return null;
    }

    public bool? Bool(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Report(name, $"{name} must be true or false, not {JsonValues.Describe(value)}");
        return null;
    }

    public T? Enum<T>(string name, (string Json, T Value)[] values)
        where T : struct, Enum
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            foreach (var (json, candidate) in values)
            {
                if (json == text)
                {
                    return candidate;
                }
            }
        }
        Report(name, $"{name} must be one of {string.Join(", ", values.Select(v => v.Json))}, not {JsonValues.Describe(value)}");
        return null;
    }

    /// <summary>
    /// A list of country codes. A non-string element is a problem and is kept as an empty code so that
    /// the positions of the others (and the pointers of their problems) stay those of the JSON.
    /// </summary>
    public EquatableArray<string> Countries(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(name, $"{name} must be a list of country codes such as [\"DE\", \"AT\"], not {JsonValues.Describe(value)}");
            return [];
        }
        var codes = new List<string>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var at = JsonPointer.Append(At(name), index++);
            if (element.ValueKind == JsonValueKind.String)
            {
                codes.Add(JsonValues.ReadString(element, at, _problems) ?? "");
            }
            else
            {
                _problems.Add(new Problem(at, $"a country must be a two-letter code in a string such as \"DE\", not {JsonValues.Describe(element)}"));
                codes.Add("");
            }
        }
        return [.. codes];
    }

    public T? Object<T>(string name, Func<ObjectReader, T> read)
        where T : class
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Report(name, $"{name} must be an object, not {JsonValues.Describe(value)}");
            return null;
        }
        return read(new ObjectReader(value, At(name), _shape.Children[name], _problems));
    }

    /// <summary>
    /// A list of rules. An element that is not an object is a problem and is kept as an empty
    /// placeholder rule so that the others keep their JSON positions.
    /// </summary>
    public EquatableArray<T> Rules<T>(string name, Func<ObjectReader, T> read)
        where T : new()
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return [];
        }
        var shape = _shape.Children[name];
        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(name, $"{name} must be a list of objects, each {shape.Noun}, not {JsonValues.Describe(value)}");
            return [];
        }
        var rules = new List<T>();
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var at = JsonPointer.Append(At(name), index++);
            if (element.ValueKind == JsonValueKind.Object)
            {
                rules.Add(read(new ObjectReader(element, at, shape, _problems)));
            }
            else
            {
                _problems.Add(new Problem(at, $"each element of {name} must be an object ({shape.Noun}), not {JsonValues.Describe(element)}"));
                rules.Add(new T());
            }
        }
        return [.. rules];
    }

    private void Report(string name, string message) => _problems.Add(new Problem(At(name), message));

    private string UnknownPropertyMessage(string name)
    {
        var suggestion = PropertySuggestion.Nearest(name, _shape.Properties);
        return suggestion is not null
            ? $"unknown property '{name}' (did you mean '{suggestion}'?)"
            : $"unknown property '{name}'; {_shape.Noun} may have {string.Join(", ", _shape.Properties)}";
    }
}
