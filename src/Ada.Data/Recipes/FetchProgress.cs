namespace Ada.Data;

/// <summary>Progress of a recipe run: pieces done out of total (0/total before conversion starts) and what just happened.</summary>
/// <param name="Current">Pieces finished so far.</param>
/// <param name="Total">Pieces in all (0 while still locating them).</param>
/// <param name="Message">One line for people.</param>
public sealed record FetchProgress(int Current, int Total, string Message);
