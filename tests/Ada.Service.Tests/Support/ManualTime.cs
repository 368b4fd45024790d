namespace Ada.Service.Tests.Support;

/// <summary>A clock that moves only when a test moves it.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
