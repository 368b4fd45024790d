namespace Ada.Plots;

/// <summary>Image size in pixels, the x-axis label and whether the y axis is logarithmic (non-positive values are then left out) for <see cref="CurvePlot"/>.</summary>
public sealed record CurvePlotOptions(int Width = 1000, int Height = 600, bool LogY = false, string XLabel = "step");
