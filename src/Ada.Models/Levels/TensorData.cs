using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Copies between tensors and managed float arrays / little-endian bytes.</summary>
static class TensorData
{
    public static NamedWeight ToNamedWeight(string name, Tensor t)
    {
        using var scope = NewDisposeScope();
        var cpu = t.detach().to_type(ScalarType.Float32).cpu().contiguous();
        return new(name, t.shape.ToArray(), cpu.data<float>().ToArray());
    }

    public static Tensor ToTensor(NamedWeight w, Device device) => tensor(w.Values, w.Shape, device: device);

    /// <summary>Copies <paramref name="source"/> into a parameter without recording gradients.</summary>
    public static void CopyInto(Tensor target, NamedWeight source)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        target.copy_(ToTensor(source, target.device));
    }

    public static void WriteLittleEndian(ReadOnlySpan<float> values, Span<byte> destination)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("checkpoints are written on little-endian machines only");
        MemoryMarshal.AsBytes(values).CopyTo(destination);
    }

    public static float[] ReadLittleEndian(ReadOnlySpan<byte> source)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("checkpoints are read on little-endian machines only");
        return MemoryMarshal.Cast<byte, float>(source).ToArray();
    }
}
