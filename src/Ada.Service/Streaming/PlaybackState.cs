namespace Ada.Service.Streaming;

/// <summary>Whether a client's transport is rolling; shared by its session (writer) and its rings' interests (readers).</summary>
internal sealed class PlaybackState
{
    private volatile bool _playing;

    /// <summary>True between Start (or a playing Transport) and Stop (or a stopped Transport).</summary>
    public bool Playing
    {
        get => _playing;
        set => _playing = value;
    }
}
