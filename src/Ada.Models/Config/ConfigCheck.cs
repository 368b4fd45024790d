namespace Ada.Models;

/// <summary>Range checks shared by the config records, with messages naming the key path.</summary>
static class ConfigCheck
{
    public static void Range(double value, double min, double max, string path)
    {
        if (!(value >= min && value <= max))
            throw new ConfigException($"{path} must be in [{min}, {max}] (got {value})");
    }

    public static void Unused(double value, string kind, string path)
    {
        if (value != 0) throw new ConfigException($"{path} is not used by kind '{kind}': remove it or set 0 (got {value})");
    }

    public static void Absent(object? section, string kind, string path)
    {
        if (section != null) throw new ConfigException($"{path} is not used by kind '{kind}': remove it");
    }

    public static T Required<T>(T? value, string path) where T : class =>
        value ?? throw new ConfigException($"{path} is required");
}
