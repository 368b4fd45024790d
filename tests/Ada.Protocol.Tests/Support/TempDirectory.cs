namespace Ada.Protocol.Tests.Support;

/// <summary>A fresh folder under the temp path, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => System.IO.Directory.CreateDirectory(Path);

    // Short on purpose: Unix socket paths are limited to 107 bytes.
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"adap-{Guid.NewGuid():N}"[..17]);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
}
