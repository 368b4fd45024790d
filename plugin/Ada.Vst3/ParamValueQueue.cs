using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>A host's IParamValueQueue as a plug-in uses it on the audio thread.</summary>
public readonly unsafe struct ParamValueQueue(IParamValueQueue* queue)
{
    /// <summary>False where the host returned no queue.</summary>
    public bool IsValid => queue != null;

    /// <summary>The parameter this queue automates.</summary>
    public uint ParameterId => queue->Vtable->GetParameterId(queue);

    /// <summary>The number of points.</summary>
    public int PointCount => Math.Max(0, queue->Vtable->GetPointCount(queue));

    /// <summary>The last point of the block, the value the parameter has at the block's end.</summary>
    public bool TryGetLast(out int sampleOffset, out double value)
    {
        sampleOffset = 0;
        value = 0;
        var count = PointCount;
        if (count == 0)
        {
            return false;
        }
        int offset;
        double v;
        var ok = queue->Vtable->GetPoint(queue, count - 1, &offset, &v) == TResult.Ok;
        sampleOffset = offset;
        value = v;
        return ok;
    }

    /// <summary>Appends a point (used on the host's output queue to report read-only parameters).</summary>
    public bool AddPoint(int sampleOffset, double value)
    {
        int index;
        return queue->Vtable->AddPoint(queue, sampleOffset, value, &index) == TResult.Ok;
    }
}
