using System.Runtime.InteropServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's AudioBusBuffers: the channel pointers of one audio bus for one block.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct AudioBusBuffers
{
    public int NumChannels;
    public ulong SilenceFlags;

    /// <summary>channelBuffers32 or channelBuffers64 (a union in C++); this binding only processes 32-bit samples.</summary>
    public float** ChannelBuffers32;

    /// <summary>Channel <paramref name="channel"/> as a span of <paramref name="numSamples"/>, or empty where the host gave no memory.</summary>
    public readonly Span<float> Channel(int channel, int numSamples)
    {
        if (ChannelBuffers32 == null || (uint)channel >= (uint)NumChannels || numSamples <= 0)
        {
            return default;
        }
        var samples = ChannelBuffers32[channel];
        return samples == null ? default : new Span<float>(samples, numSamples);
    }
}
