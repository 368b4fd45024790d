namespace AdaPlugin.Tests.Harness;

/// <summary>A note to play in a render: start sample, length in samples, key, velocity.</summary>
internal readonly record struct NoteSpec(int Start, int Length, int Key, float Velocity)
{
    public int End => Start + Length;
}
