using System.Text.RegularExpressions;

namespace Ada.Data;

/// <summary>
/// Determines the licence short name (Debian/SPDX style: GPL-2+, GPL-3+, BSD-3-clause, Expat,
/// CC-BY-SA-3.0) of a package's main files from its /usr/share/doc/&lt;pkg&gt;/copyright text.
/// Machine-readable (DEP-5) files are read through their "Files: *" paragraph; free-form files
/// through their first licence section. Returns "unknown" when the text matches nothing it knows.
/// </summary>
public static partial class CopyrightLicence
{
    /// <summary>Returned when no licence could be determined.</summary>
    public const string Unknown = "unknown";

    /// <summary>The licence short name of the package's main files.</summary>
    public static string Determine(string copyrightText)
    {
        var text = copyrightText.Replace("\r\n", "\n");
        if (MachineReadableHeader().IsMatch(text))
        {
            var paragraphs = Dep5Paragraph.Parse(text);
            var main = paragraphs.FirstOrDefault(p => p.Value("Files")?.Trim() == "*")?.License;
            if (main is { } licence)
            {
                if (NormaliseShortName(licence.Name) is { } known)
                    return known;
                var body = licence.Body.Length > 0 ? licence.Body
                    : paragraphs.FirstOrDefault(p => p.Value("Files") is null && p.License?.Name == licence.Name)?.License?.Body ?? "";
                return Classify(body) ?? Unknown;
            }
        }
        return Classify(FirstLicenceSection(text)) ?? Unknown;
    }

    /// <summary>A recognised short name in canonical form ("GPL-2.0" → "GPL-2"), or null.</summary>
    internal static string? NormaliseShortName(string name)
    {
        name = name.Trim();
        var gpl = GplShortName().Match(name);
        if (gpl.Success)
            return $"{gpl.Groups[1].Value.ToUpperInvariant()}GPL-{gpl.Groups[2].Value}{gpl.Groups[3].Value}";
        return KnownShortName().IsMatch(name) ? name : null;
    }

    /// <summary>Recognises common licence texts; null when none matches.</summary>
    internal static string? Classify(string licenceText)
    {
        var text = Whitespace().Replace(licenceText, " ");
        if (text.Contains("Redistribution and use in source and binary forms", StringComparison.OrdinalIgnoreCase))
            return text.Contains("may be used to endorse", StringComparison.OrdinalIgnoreCase) ? "BSD-3-clause" : "BSD-2-clause";
        if (text.Contains("Permission is hereby granted, free of charge", StringComparison.OrdinalIgnoreCase))
            return "Expat";
        var gnu = GnuLicence().Match(text);
        if (gnu.Success)
        {
            var family = gnu.Groups[1].Value.ToLowerInvariant() switch
            {
                "lesser" or "library" => "LGPL",
                "affero" => "AGPL",
                _ => "GPL",
            };
            var version = GnuVersion().Match(text, gnu.Index);
            if (!version.Success)
                return null;
            bool later = text.Contains("any later version", StringComparison.OrdinalIgnoreCase);
            var number = version.Groups[1].Value.EndsWith(".0") ? version.Groups[1].Value[..^2] : version.Groups[1].Value;
            return $"{family}-{number}{(later ? "+" : "")}";
        }
        var cc = CreativeCommons().Match(text);
        if (cc.Success)
            return $"CC-BY{(cc.Groups[1].Success ? "-SA" : "")}-{cc.Groups[2].Value}";
        return null;
    }

    /// <summary>From the first line starting with "License" up to the first line of dashes (free-form files list several licences).</summary>
    private static string FirstLicenceSection(string text)
    {
        var lines = text.Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("License", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
            return text;
        var section = lines.Skip(start).TakeWhile((l, i) => i == 0 || !DashLine().IsMatch(l));
        return string.Join('\n', section);
    }

    [GeneratedRegex(@"^Format:\s*\S*copyright-format", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MachineReadableHeader();

    [GeneratedRegex(@"^(A|L)?GPL-(\d)(?:\.0)?(\+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GplShortName();

    [GeneratedRegex(@"^(BSD-[234]-clause|Expat|MIT|ISC|Zlib|Apache-2\.0|CC-BY(-SA)?-\d\.\d|CC0-1\.0|public-domain)$")]
    private static partial Regex KnownShortName();

    [GeneratedRegex(@"GNU (?:(Lesser|Library|Affero) )?General Public License", RegexOptions.IgnoreCase)]
    private static partial Regex GnuLicence();

    [GeneratedRegex(@"version (\d(?:\.\d)?)", RegexOptions.IgnoreCase)]
    private static partial Regex GnuVersion();

    [GeneratedRegex(@"Attribution(-ShareAlike| ShareAlike)? (\d\.\d)", RegexOptions.IgnoreCase)]
    private static partial Regex CreativeCommons();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*-{3,}\s*$")]
    private static partial Regex DashLine();
}
