namespace AdaPlugin.Service;

/// <summary>A note on/off as the service hears of it: where on the project timeline it happened.</summary>
internal readonly record struct ForwardedNote(long ProjectSample, byte Key, float Velocity, bool On);
