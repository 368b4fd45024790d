using Ada.Vst3;
using Ada.Vst3.Interop;

namespace AdaPlugin;

/// <summary>
/// The edit controller: parameter infos, conversions and text for the host's generic UI and automation.
/// AdaPlugin is a single component, so the component owns initialize/terminate and the state; this part shares
/// the parameter model with it and answers the controller-only calls.
/// </summary>
public sealed unsafe class AdaController(AdaParameters parameters) : IVstEditController
{
    private void* _handler;

    /// <inheritdoc />
    public int Initialize(void* context) => TResult.Ok;

    /// <inheritdoc />
    public int Terminate() => SetComponentHandler(null);

    /// <summary>The component already applied this state to the shared model; nothing is read twice.</summary>
    public int SetComponentState(BStream state) => TResult.Ok;

    /// <summary>There is no controller-only state.</summary>
    public int SetState(BStream state) => TResult.Ok;

    /// <summary>There is no controller-only state.</summary>
    public int GetState(BStream state) => TResult.Ok;

    /// <inheritdoc />
    public int GetParameterCount() => parameters.Count;

    /// <inheritdoc />
    public int GetParameterInfo(int index, ref ParameterInfo info)
    {
        if (index < 0 || !parameters.TryGetDefinition((uint)index, out var d))
        {
            return TResult.InvalidArgument;
        }
        info.Id = (uint)d.Id;
        info.Title.Set(d.Title);
        info.ShortTitle.Set(d.ShortTitle);
        info.Units.Set(d.Units);
        info.StepCount = d.StepCount;
        info.DefaultNormalizedValue = d.DefaultNormalized;
        info.UnitId = 0;
        info.Flags = d.Flags;
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int GetParamStringByValue(uint id, double normalized, Span<char> text)
    {
        if (!parameters.TryGetDefinition(id, out var d) || !IsNormalized(normalized))
        {
            return TResult.InvalidArgument;
        }
        FixedText.WriteUtf16(text, d.Format(d.ToPlain(normalized)));
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int GetParamValueByString(uint id, ReadOnlySpan<char> text, out double normalized)
    {
        normalized = 0;
        if (!parameters.TryGetDefinition(id, out var d))
        {
            return TResult.InvalidArgument;
        }
        if (!d.TryParse(new string(text), out var plain))
        {
            return TResult.False;
        }
        normalized = d.ToNormalized(plain);
        return TResult.Ok;
    }

    /// <summary>normalizedParamToPlain; unknown ids map to 0 (the call has no error channel).</summary>
    public double NormalizedParamToPlain(uint id, double normalized) =>
        parameters.TryGetDefinition(id, out var d) ? d.ToPlain(normalized) : 0;

    /// <summary>plainParamToNormalized; unknown ids map to 0.</summary>
    public double PlainParamToNormalized(uint id, double plain) =>
        parameters.TryGetDefinition(id, out var d) ? d.ToNormalized(plain) : 0;

    /// <summary>getParamNormalized; unknown ids read as 0.</summary>
    public double GetParamNormalized(uint id) =>
        parameters.TryGetDefinition(id, out var d) ? parameters.GetNormalized(d.Id) : 0;

    /// <summary>setParamNormalized; read-only parameters accept it too, because hosts echo their reported values back.</summary>
    public int SetParamNormalized(uint id, double normalized)
    {
        if (!parameters.TryGetDefinition(id, out var d) || !IsNormalized(normalized))
        {
            return TResult.InvalidArgument;
        }
        parameters.SetNormalized(d.Id, normalized);
        return TResult.Ok;
    }

    /// <inheritdoc />
    public int SetComponentHandler(void* handler)
    {
        FUnknown.AddRef(handler);
        FUnknown.Release(_handler);
        _handler = handler;
        return TResult.Ok;
    }

    /// <summary>No editor: hosts show their generic parameter UI.</summary>
    public void* CreateView(string? name) => null;

    private static bool IsNormalized(double value) => value is >= 0 and <= 1;
}
