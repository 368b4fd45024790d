namespace Ada.Data;

/// <summary>What the recipes need from the Debian package system (an interface so tests can fake it).</summary>
public interface IDebianPackages
{
    /// <summary>True when the package is installed (dpkg status "installed").</summary>
    bool IsInstalled(string package);

    /// <summary>Installs packages with apt-get (needs root).</summary>
    void Install(IReadOnlyList<string> packages, CancellationToken cancellation);

    /// <summary>The files a package installed (dpkg -L), regular paths only.</summary>
    IReadOnlyList<string> ListFiles(string package);

    /// <summary>The text of /usr/share/doc/&lt;package&gt;/copyright.</summary>
    string CopyrightText(string package);

    /// <summary>True when this process may install packages (running as root).</summary>
    bool CanInstall { get; }
}
