using System.Globalization;
using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>
/// One parameter: range, steps and display. Normalized values are what the host stores and automates (0..1);
/// plain values are what the plug-in means (dB, seconds, list index). Stepped parameters snap to whole steps.
/// </summary>
public sealed record ParameterDefinition
{
    private static readonly string[] NoteNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    public required AdaParameterId Id { get; init; }
    public required string Title { get; init; }
    public required string ShortTitle { get; init; }
    public string Units { get; init; } = "";
    public required double Min { get; init; }
    public required double Max { get; init; }

    /// <summary>0 = continuous; n = n + 1 discrete values from Min to Max.</summary>
    public int StepCount { get; init; }

    public required double DefaultPlain { get; init; }
    public ParameterFlags Flags { get; init; } = ParameterFlags.CanAutomate;
    public ParameterDisplay Display { get; init; } = ParameterDisplay.Number;

    /// <summary>One label per step when <see cref="Display"/> is <see cref="ParameterDisplay.Labels"/>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public int Decimals { get; init; }

    public bool IsReadOnly => (Flags & ParameterFlags.IsReadOnly) != 0;

    public double DefaultNormalized => ToNormalized(DefaultPlain);

    /// <summary>The plain value of a normalized one (clamped to 0..1, snapped to a step).</summary>
    public double ToPlain(double normalized)
    {
        var n = Math.Clamp(double.IsNaN(normalized) ? 0 : normalized, 0, 1);
        return StepCount > 0
            ? Min + (Math.Round(n * StepCount) * (Max - Min) / StepCount)
            : Min + (n * (Max - Min));
    }

    /// <summary>The normalized value of a plain one (clamped to Min..Max, snapped to a step).</summary>
    public double ToNormalized(double plain)
    {
        if (Max <= Min)
        {
            return 0;
        }
        var n = (Math.Clamp(double.IsNaN(plain) ? Min : plain, Min, Max) - Min) / (Max - Min);
        return StepCount > 0 ? Math.Round(n * StepCount) / StepCount : n;
    }

    /// <summary>The text a host shows for a plain value (without units; hosts append <see cref="Units"/>).</summary>
    public string Format(double plain) => Display switch
    {
        ParameterDisplay.Labels => Labels[Math.Clamp((int)Math.Round(plain - Min), 0, Labels.Count - 1)],
        ParameterDisplay.NoteName => NoteName((int)Math.Round(plain)),
        _ => plain.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    };

    /// <summary>Parses what a user typed: a label, a note name (C3, F#-1) or a number, optionally followed by the units.</summary>
    public bool TryParse(string text, out double plain)
    {
        plain = 0;
        var t = text.Trim();
        if (Units.Length > 0 && t.EndsWith(Units, StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^Units.Length].TrimEnd();
        }
        if (Display == ParameterDisplay.Labels)
        {
            for (var i = 0; i < Labels.Count; i++)
            {
                if (string.Equals(Labels[i], t, StringComparison.OrdinalIgnoreCase))
                {
                    plain = Min + i;
                    return true;
                }
            }
        }
        if (Display == ParameterDisplay.NoteName && TryParseNoteName(t, out var note))
        {
            plain = note;
            return note >= Min && note <= Max;
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }
        plain = ToPlain(ToNormalized(number));
        return true;
    }

    private static string NoteName(int note) => NoteNames[((note % 12) + 12) % 12] + ((note / 12) - 2).ToString(CultureInfo.InvariantCulture);

    private static bool TryParseNoteName(string text, out int note)
    {
        note = 0;
        for (var i = 0; i < NoteNames.Length; i++)
        {
            var name = NoteNames[i];
            if (!text.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (name.Length == 1 && text.Length > 1 && text[1] == '#')
            {
                continue; // "C#3" must match "C#", not "C"
            }
            if (!int.TryParse(text.AsSpan(name.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var octave))
            {
                return false;
            }
            note = ((octave + 2) * 12) + i;
            return true;
        }
        return false;
    }
}
