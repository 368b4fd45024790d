namespace Ada.Data.Tests;

/// <summary>An in-memory package system: which packages are installed, their files and copyright texts.</summary>
internal sealed class FakePackages(bool canInstall = false) : IDebianPackages
{
    public HashSet<string> Installed { get; } = [];
    public List<IReadOnlyList<string>> InstallCalls { get; } = [];
    public Dictionary<string, string> Copyright { get; } = [];

    public bool CanInstall => canInstall;

    public bool IsInstalled(string package) => Installed.Contains(package);

    public void Install(IReadOnlyList<string> packages, CancellationToken cancellation)
    {
        InstallCalls.Add(packages);
        Installed.UnionWith(packages);
    }

    public IReadOnlyList<string> ListFiles(string package) => [];

    public string CopyrightText(string package) => Copyright.GetValueOrDefault(package, "License: GPL-2+\n");
}
