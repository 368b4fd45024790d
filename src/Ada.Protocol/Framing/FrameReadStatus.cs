namespace Ada.Protocol.Framing;

/// <summary>What <see cref="FrameReader.TryReadFrame"/> produced.</summary>
public enum FrameReadStatus
{
    /// <summary>A complete frame was returned.</summary>
    Frame,
    /// <summary>The buffered bytes do not yet hold a complete frame.</summary>
    NeedMoreData,
    /// <summary>The stream is malformed; the reader stays faulted and the connection should be closed.</summary>
    Error,
}
