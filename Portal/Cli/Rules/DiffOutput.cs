using System.Text;
using System.Text.Json;
using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>What <c>rules diff</c> prints: sentences for people, or JSON for scripts.</summary>
internal static class DiffOutput
{
    public static string Text(DocumentChanges changes, IReadOnlyList<LintWarning> warnings)
    {
        var text = new StringBuilder();
        if (changes.IsEmpty)
        {
            text.Append("No changes.\n");
        }
        else
        {
            text.Append(changes.Count == 1 ? "1 change:\n" : $"{changes.Count} changes:\n");
            foreach (var sentence in changes.Sentences)
            {
                text.Append("- ").Append(sentence).Append('\n');
            }
        }
        if (warnings.Count > 0)
        {
            text.Append(warnings.Count == 1 ? "\n1 warning for NEW:\n" : $"\n{warnings.Count} warnings for NEW:\n");
            foreach (var warning in warnings)
            {
                text.Append($"- [{warning.Code}] {(warning.Pointer.Length == 0 ? "" : warning.Pointer + ": ")}{warning.Message}\n");
            }
        }
        return text.ToString();
    }

    public static string Json(DocumentChanges changes, IReadOnlyList<LintWarning> warnings) => CommandJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("changed", !changes.IsEmpty);
        w.WriteNumber("count", changes.Count);
        WriteFields(w, "document", changes.Document);
        WriteFields(w, "geo", changes.Geo);
        WriteFields(w, "blockedResponse", changes.BlockedResponse);
        w.WriteStartArray("sections");
        foreach (var section in changes.Sections)
        {
            w.WriteStartObject();
            w.WriteString("section", section.Section.JsonName());
            w.WriteStartArray("changes");
            foreach (var change in section.Changes)
            {
                w.WriteStartObject();
                w.WriteString("kind", CommandJson.Name(change.Kind));
                w.WriteString("ruleId", change.RuleId);
                w.WriteNumberOrNull("oldIndex", change.OldIndex);
                w.WriteNumberOrNull("newIndex", change.NewIndex);
                WriteFields(w, "fields", change.Fields);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("sentences");
        foreach (var sentence in changes.Sentences)
        {
            w.WriteStringValue(sentence);
        }
        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            w.WriteStartObject();
            w.WriteString("code", warning.Code);
            w.WriteString("pointer", warning.Pointer);
            w.WriteString("section", warning.Section?.JsonName());
            w.WriteString("ruleId", warning.RuleId);
            w.WriteString("message", warning.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    // Field values are literal JSON, written as JSON values (301, "https://…", ["DE"]) rather than strings.
    private static void WriteFields(Utf8JsonWriter w, string name, IReadOnlyList<FieldChange> fields)
    {
        w.WriteStartArray(name);
        foreach (var field in fields)
        {
            w.WriteStartObject();
            w.WriteString("field", field.Field);
            w.WriteRaw("before", field.Before);
            w.WriteRaw("after", field.After);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
