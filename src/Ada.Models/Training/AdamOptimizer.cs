using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ada.Models;

/// <summary>Adam (Kingma &amp; Ba) with named, checkpointable moments; the same update as torch.optim.Adam without weight decay.</summary>
public sealed class AdamOptimizer : IDisposable
{
    readonly IReadOnlyList<(string Name, Parameter Parameter)> parameters;
    readonly Tensor[] expAvg;
    readonly Tensor[] expAvgSq;

    /// <summary>Hyper-parameters and the number of steps taken.</summary>
    public AdamHeader State { get; private set; }

    /// <summary>Optimises <paramref name="parameters"/> (named, in a fixed order) with zeroed moments.</summary>
    public AdamOptimizer(IReadOnlyList<(string Name, Parameter Parameter)> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        this.parameters = parameters;
        State = new AdamHeader(0, learningRate, beta1, beta2, epsilon);
        expAvg = parameters.Select(p => zeros_like(p.Parameter).DetachFromDisposeScope()).ToArray();
        expAvgSq = parameters.Select(p => zeros_like(p.Parameter).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, p) in parameters) p.grad?.zero_();
    }

    /// <summary>One Adam update of every parameter that has a gradient.</summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var s = State with { Step = State.Step + 1 };
        var correction1 = 1 - Math.Pow(s.Beta1, s.Step);
        var correction2 = 1 - Math.Pow(s.Beta2, s.Step);
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i].Parameter;
            if (p.grad is not { } g) continue;
            expAvg[i].TimesInPlace(s.Beta1).AddScaledInPlace(g, 1 - s.Beta1);
            expAvgSq[i].TimesInPlace(s.Beta2).AddProductInPlace(g, g, 1 - s.Beta2);
            var denominator = expAvgSq[i].sqrt().DividedBy(Math.Sqrt(correction2)).PlusInPlace(s.Epsilon);
            p.AddQuotientInPlace(expAvg[i], denominator, -s.LearningRate / correction1);
        }
        State = s;
    }

    /// <summary>The moments as "exp_avg.NAME" and "exp_avg_sq.NAME", sorted by name.</summary>
    public IReadOnlyList<NamedWeight> Moments() =>
        parameters.SelectMany((p, i) => new[]
            {
                TensorData.ToNamedWeight("exp_avg." + p.Name, expAvg[i]),
                TensorData.ToNamedWeight("exp_avg_sq." + p.Name, expAvgSq[i]),
            })
            .OrderBy(w => w.Name, StringComparer.Ordinal).ToList();

    /// <summary>Restores moments and step count saved by <see cref="Moments"/>; shapes were checked by the checkpoint reader.</summary>
    public void Load(AdamHeader state, IReadOnlyList<NamedWeight> moments)
    {
        var byName = moments.ToDictionary(m => m.Name);
        for (var i = 0; i < parameters.Count; i++)
        {
            TensorData.CopyInto(expAvg[i], byName["exp_avg." + parameters[i].Name]);
            TensorData.CopyInto(expAvgSq[i], byName["exp_avg_sq." + parameters[i].Name]);
        }
        State = state;
    }

    /// <summary>Frees the moments.</summary>
    public void Dispose()
    {
        foreach (var t in expAvg.Concat(expAvgSq)) t.Dispose();
    }
}
