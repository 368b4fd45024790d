using System.Text.Json;

namespace AdaPlugin;

/// <summary>The lenient reader the plug-in's JSON files (presets, config) are read with: comments and trailing commas allowed.</summary>
internal static class JsonObjectReader
{
    /// <summary>A reader positioned on the top-level object's start; <paramref name="what"/> names the file in the error.</summary>
    public static Utf8JsonReader Open(ReadOnlySpan<byte> json, string what)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{what} must hold one JSON object");
        }
        return reader;
    }
}
