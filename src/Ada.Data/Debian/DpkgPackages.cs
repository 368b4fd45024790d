namespace Ada.Data;

/// <summary><see cref="IDebianPackages"/> backed by dpkg-query, dpkg -L and apt-get.</summary>
public sealed class DpkgPackages : IDebianPackages
{
    private static readonly IReadOnlyDictionary<string, string> NonInteractive =
        new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };

    /// <inheritdoc />
    public bool CanInstall => Environment.IsPrivilegedProcess;

    /// <inheritdoc />
    public bool IsInstalled(string package)
    {
        // Exit code 1 means "unknown package", which is just "not installed" here.
        var (exitCode, stdout, _) = ExternalTool.RunUnchecked("dpkg-query", ["-W", "-f=${db:Status-Status}", package]);
        return exitCode == 0 && stdout.Trim() == "installed";
    }

    /// <inheritdoc />
    public void Install(IReadOnlyList<string> packages, CancellationToken cancellation)
    {
        string[] install = ["install", "-y", "--no-install-recommends", .. packages];
        var (exitCode, _, _) = ExternalTool.RunUnchecked("apt-get", install, cancellation, NonInteractive);
        if (exitCode == 0)
            return;
        // The usual cause is stale package lists (a fresh container has none).
        ExternalTool.Run("apt-get", ["update"], cancellation, NonInteractive);
        ExternalTool.Run("apt-get", install, cancellation, NonInteractive);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListFiles(string package) =>
        ExternalTool.Run("dpkg", ["-L", package])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(File.Exists)
            .ToList();

    /// <inheritdoc />
    public string CopyrightText(string package)
    {
        var path = $"/usr/share/doc/{package}/copyright";
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new FileNotFoundException($"Package {package} has no copyright file at {path}", path);
    }
}
