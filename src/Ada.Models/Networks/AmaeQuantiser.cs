using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>Argmax autoencoder quantiser: ReLU + divisive normalisation onto the simplex, argmax one-hot, diversity loss.</summary>
public sealed class AmaeQuantiser : Quantiser
{
    /// <summary>Keeps q finite when every relu(x) of a frame is 0 (the frame then maps to code 0).</summary>
    public const double Epsilon = 1e-6;

    /// <summary>Creates a quantiser over <paramref name="codes"/> codes.</summary>
    public AmaeQuantiser(int codes) : base("amae", codes) => RegisterComponents();

    /// <inheritdoc />
    public override int QueryChannels => Codes;

    /// <summary>x (B, k, F) → q̂ = q + sg(onehot − q), codes = argmax q, losses {"diversity": Σ_i (k·q̄_i − 1)²}.</summary>
    public override QuantiserOutput forward(Tensor x)
    {
        var r = F.relu(x);
        var q = r / r.sum(1, keepdim: true).Plus(Epsilon);                      // (B, k, F), on the simplex
        var codes = q.argmax(1);                                                 // (B, F)
        var onehot = F.one_hot(codes, Codes).permute(0, 2, 1).to_type(q.dtype); // (B, k, F)
        var quantised = q.Plus((onehot - q).detach());
        return new(quantised, codes, new Dictionary<string, Tensor> { ["diversity"] = Diversity(q) });
    }

    /// <summary>Σ_i (k·q̄_i − 1)² with q̄ the mean of q (B, k, F) over batch and time: 0 at uniform use.</summary>
    public static Tensor Diversity(Tensor q)
    {
        var mean = q.mean([0, 2]);                               // (k)
        return mean.Times(q.shape[1]).Minus(1.0).Power(2).sum();
    }

    /// <inheritdoc />
    public override Tensor CodeVectors(Device device) => eye(Codes, device: device);
}
