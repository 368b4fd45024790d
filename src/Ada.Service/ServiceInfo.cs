using System.Reflection;
using Ada.Inference.Kernels;

namespace Ada.Service;

/// <summary>What this build of the service reports about itself.</summary>
public static class ServiceInfo
{
    /// <summary>The compute device, e.g. "cpu (Vector512)": the sampler's widest kernel path on this CPU.</summary>
    public static string Device { get; } = $"cpu ({KernelPaths.Best})";

    /// <summary>The service build's version (informational version of this assembly).</summary>
    public static string Version { get; } =
        typeof(ServiceInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
