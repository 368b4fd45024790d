namespace Ada.Vst3;

/// <summary>The vendor strings of a module (PFactoryInfo).</summary>
public sealed record FactoryInfo(string Vendor, string Url, string Email);
