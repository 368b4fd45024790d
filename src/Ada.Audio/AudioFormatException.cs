namespace Ada.Audio;

/// <summary>An audio file that cannot be decoded; the message starts with the file path and names the problem.</summary>
/// <remarks>Derives from <see cref="IOException"/> because <see cref="InvalidDataException"/> is sealed.</remarks>
public sealed class AudioFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>; the message is "path: problem".</summary>
    public AudioFormatException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that failed.</summary>
    public string Path { get; }

    /// <summary>The problem without the path prefix.</summary>
    public string Problem { get; }
}
