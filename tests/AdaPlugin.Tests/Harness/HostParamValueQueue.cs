using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin.Tests.Harness;

/// <summary>An IParamValueQueue: the points of one parameter in one block.</summary>
internal sealed class HostParamValueQueue(uint id) : HostObject(IParamValueQueue.Descriptor), IVstParamValueQueue
{
    private readonly List<(int Offset, double Value)> _points = new(16);

    public IReadOnlyList<(int Offset, double Value)> Points => _points;

    public void Clear() => _points.Clear();

    public uint GetParameterId() => id;

    public int GetPointCount() => _points.Count;

    public int GetPoint(int index, out int sampleOffset, out double value)
    {
        (sampleOffset, value) = (uint)index < (uint)_points.Count ? _points[index] : (0, 0);
        return (uint)index < (uint)_points.Count ? TResult.Ok : TResult.InvalidArgument;
    }

    public int AddPoint(int sampleOffset, double value, out int index)
    {
        index = _points.Count;
        _points.Add((sampleOffset, value));
        return TResult.Ok;
    }
}
