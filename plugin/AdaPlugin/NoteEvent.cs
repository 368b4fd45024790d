namespace AdaPlugin;

/// <summary>A note on or off at a sample offset inside the current block.</summary>
public readonly record struct NoteEvent(int Offset, bool IsOn, int Key, float Velocity);
