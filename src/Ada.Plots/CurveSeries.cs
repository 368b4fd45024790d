namespace Ada.Plots;

/// <summary>One named curve: y <paramref name="Values"/> at x <paramref name="Steps"/>, both (N,); non-finite values are gaps, not points.</summary>
public sealed record CurveSeries(string Label, double[] Steps, double[] Values);
