namespace Ada.Models;

/// <summary>Name and shape of one parameter, as the checkpoint manifest and the sampler's export list them.</summary>
public sealed record WeightSpec(string Name, long[] Shape)
{
    /// <summary>Number of float32 elements.</summary>
    public long Elements => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Shape as "[a, b, c]" for messages.</summary>
    public static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The same spec with "prefix." in front of the name.</summary>
    public WeightSpec Under(string prefix) => this with { Name = prefix + "." + Name };

    /// <summary>Weight and bias of a Conv1d(in → out, kernel) named <paramref name="name"/>.</summary>
    public static IEnumerable<WeightSpec> Conv(string name, long input, long output, long kernel, bool bias = true)
    {
        yield return new(name + ".weight", [output, input, kernel]);
        if (bias) yield return new(name + ".bias", [output]);
    }

    /// <summary>Weight (out, in) and bias (out) of an nn.Linear named <paramref name="name"/>.</summary>
    public static IEnumerable<WeightSpec> Linear(string name, long input, long output)
    {
        yield return new(name + ".weight", [output, input]);
        yield return new(name + ".bias", [output]);
    }

    /// <summary>Scale and shift of an nn.LayerNorm over <paramref name="width"/> channels.</summary>
    public static IEnumerable<WeightSpec> Norm(string name, long width)
    {
        yield return new(name + ".weight", [width]);
        yield return new(name + ".bias", [width]);
    }
}
