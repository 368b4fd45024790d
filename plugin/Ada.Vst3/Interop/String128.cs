using System.Runtime.CompilerServices;

namespace Ada.Vst3.Interop;

/// <summary>Steinberg's String128: 128 UTF-16 code units, NUL-terminated (char16[128]).</summary>
[InlineArray(Length)]
public struct String128
{
    /// <summary>Capacity in UTF-16 code units, terminator included.</summary>
    public const int Length = 128;

    private char _first;

    /// <summary>Stores <paramref name="text"/>, truncated to 127 code units, and terminates it.</summary>
    public void Set(ReadOnlySpan<char> text) => FixedText.WriteUtf16(this, text);

    /// <inheritdoc />
    public override readonly string ToString() => FixedText.ReadUtf16(this);
}
