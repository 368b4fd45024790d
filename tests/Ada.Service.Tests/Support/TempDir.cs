namespace Ada.Service.Tests.Support;

/// <summary>A fresh short folder under the temp path (Unix socket paths are limited to 107 bytes), deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"adas-{Guid.NewGuid():N}"[..17]);

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
