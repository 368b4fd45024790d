using Ada.Vst3.Interop;

namespace Ada.Vst3;

/// <summary>Managed behaviour behind IComponent: buses, activation and the component state.</summary>
public interface IVstComponent : IVstPluginBase
{
    /// <summary>getControllerClassId (a single-component plug-in answers kNotImplemented).</summary>
    int GetControllerClassId(out Tuid classId);

    /// <summary>setIoMode.</summary>
    int SetIoMode(int mode);

    /// <summary>getBusCount.</summary>
    int GetBusCount(MediaType type, BusDirection direction);

    /// <summary>getBusInfo.</summary>
    int GetBusInfo(MediaType type, BusDirection direction, int index, ref BusInfo info);

    /// <summary>getRoutingInfo.</summary>
    int GetRoutingInfo(in RoutingInfo input, ref RoutingInfo output);

    /// <summary>activateBus.</summary>
    int ActivateBus(MediaType type, BusDirection direction, int index, bool state);

    /// <summary>setActive: allocate (true) or release (false) processing resources.</summary>
    int SetActive(bool state);

    /// <summary>setState: restore what <see cref="GetState"/> wrote.</summary>
    int SetState(BStream state);

    /// <summary>getState: write the complete component state.</summary>
    int GetState(BStream state);
}
