namespace Ada.Data;

/// <summary>Makes sure a recipe's Debian packages are installed, installing them when running as root.</summary>
public static class PackageGuard
{
    /// <summary>The apt command that installs <paramref name="packages"/>, as shown to people.</summary>
    public static string InstallCommand(IEnumerable<string> packages) =>
        "apt-get install -y --no-install-recommends " + string.Join(' ', packages);

    /// <summary>Returns the packages it installed (empty when all were present); throws with the exact apt command when it cannot install.</summary>
    public static IReadOnlyList<string> Ensure(IDebianPackages debian, IReadOnlyList<string> required,
        Action<string> say, CancellationToken cancellation)
    {
        var missing = required.Where(p => !debian.IsInstalled(p)).ToList();
        if (missing.Count == 0)
            return [];
        if (!debian.CanInstall)
            throw new InvalidOperationException(
                $"Missing Debian packages: {string.Join(", ", missing)}. Install them as root with: {InstallCommand(missing)}");
        say($"Installing missing Debian packages: {InstallCommand(missing)}");
        debian.Install(missing, cancellation);
        var stillMissing = missing.Where(p => !debian.IsInstalled(p)).ToList();
        if (stillMissing.Count > 0)
            throw new InvalidOperationException(
                $"apt-get finished but these packages are still not installed: {string.Join(", ", stillMissing)}. Try: apt-get update && {InstallCommand(stillMissing)}");
        return missing;
    }
}
