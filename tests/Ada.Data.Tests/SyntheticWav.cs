namespace Ada.Data.Tests;

/// <summary>WAV content whose every sample identifies its file and position, so a crop can be checked against its claimed location.</summary>
internal static class SyntheticWav
{
    public static short Sample(int file, long index) => (short)((file * 7919 + index * 31) % 65536 - 32768);

    public static short[] Samples(int file, int count) =>
        Enumerable.Range(0, count).Select(i => Sample(file, i)).ToArray();
}
