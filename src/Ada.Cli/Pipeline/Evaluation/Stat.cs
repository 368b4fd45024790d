using System.Globalization;

namespace Ada.Cli.Pipeline.Evaluation;

/// <summary>Mean and sample standard deviation, formatted for report tables ("4.21 ± 0.03", or the value alone for one run).</summary>
public static class Stat
{
    /// <summary>Mean of the values.</summary>
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>Sample standard deviation (n − 1); 0 for a single value.</summary>
    public static double Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>"mean ± sd" with <paramref name="format"/> (e.g. "F3", "P0"); a lone value has no ± part; no values print "–".</summary>
    public static string MeanSd(IReadOnlyList<double> values, string format) => values.Count switch
    {
        0 => "–",
        1 => values[0].ToString(format, CultureInfo.InvariantCulture),
        _ => $"{Mean(values).ToString(format, CultureInfo.InvariantCulture)} ± {Sd(values).ToString(format, CultureInfo.InvariantCulture)}",
    };

    /// <summary>A value with <paramref name="format"/>, or "–" when absent.</summary>
    public static string Format(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
