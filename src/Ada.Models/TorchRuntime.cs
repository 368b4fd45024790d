using TorchSharp;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Loads LibTorch once and picks the compute device at run time.</summary>
public static class TorchRuntime
{
    static readonly Lazy<string?> LoadError = new(TryLoad);

    /// <summary>TorchSharp's assembly version, for `ada info` and checkpoint metadata.</summary>
    public static string TorchSharpVersion => typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Throws a clear error when LibTorch cannot be loaded (instead of a TypeInitializationException).</summary>
    public static void EnsureLoaded()
    {
        if (LoadError.Value is { } error) throw new InvalidOperationException(error);
    }

    /// <summary>Resolves "auto", "cpu", "cuda" or "cuda:N" to a device; "auto" takes CUDA when present.</summary>
    public static Device SelectDevice(string request = "auto")
    {
        EnsureLoaded();
        var r = request.Trim().ToLowerInvariant();
        if (r == "auto") return cuda.is_available() ? CUDA : CPU;
        if (r == "cpu") return CPU;
        if (r.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
                throw new InvalidOperationException($"device '{request}' requested but CUDA is not available (this build uses TorchSharp-cpu; see README, 'GPU')");
            return new Device(r);
        }
        throw new ArgumentException($"unknown device '{request}': use auto, cpu, cuda or cuda:N");
    }

    static string? TryLoad()
    {
        try
        {
            _ = torch.zeros(1).item<float>();
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            var inner = e;
            while (inner.InnerException != null) inner = inner.InnerException;
            return "LibTorch could not be loaded: " + inner.Message +
                   " — on Debian 12 the build patches libLibTorchSharp.so (build/TorchSharpNativeFix.cs); rebuild with `dotnet build` and check its output.";
        }
    }
}
