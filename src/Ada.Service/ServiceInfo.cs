using System.Reflection;

namespace Ada.Service;

/// <summary>What this build of the service reports about itself.</summary>
public static class ServiceInfo
{
    /// <summary>The service build's version (informational version of this assembly).</summary>
    public static string Version { get; } =
        typeof(ServiceInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
