namespace Ada.Vst3;

/// <summary>Managed behaviour behind IParamValueQueue (implemented by hosts).</summary>
public interface IVstParamValueQueue
{
    /// <summary>getParameterId.</summary>
    uint GetParameterId();

    /// <summary>getPointCount.</summary>
    int GetPointCount();

    /// <summary>getPoint.</summary>
    int GetPoint(int index, out int sampleOffset, out double value);

    /// <summary>addPoint.</summary>
    int AddPoint(int sampleOffset, double value, out int index);
}
