namespace AdaPlugin;

/// <summary>One sounding key: velocity and a linear attack/release envelope advanced one sample at a time.</summary>
public struct Voice
{
    public int Key;
    public float Velocity;
    public float Level;
    public VoiceStage Stage;

    /// <summary>When the voice started (a counter), to steal the oldest first.</summary>
    public long Order;

    public readonly bool IsActive => Stage != VoiceStage.Idle;

    /// <summary>Advances the envelope by one sample and returns its level. The first sample after note-on is already
    /// non-zero, so sound starts exactly at the event's sample offset.</summary>
    public float NextLevel(float attackStep, float releaseStep)
    {
        switch (Stage)
        {
            case VoiceStage.Attack:
                Level += attackStep;
                if (Level >= 1f)
                {
                    Level = 1f;
                    Stage = VoiceStage.Sustain;
                }
                break;
            case VoiceStage.Release:
                Level -= releaseStep;
                if (Level <= 0f)
                {
                    Level = 0f;
                    Stage = VoiceStage.Idle;
                }
                break;
        }
        return Level;
    }
}
