namespace AdaPlugin;

/// <summary>Where a voice's envelope is.</summary>
public enum VoiceStage
{
    Idle,
    Attack,
    Sustain,
    Release,
}
