using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Ada.Models;

/// <summary>VQ-VAE quantiser: nearest of k learned d-dimensional codebook vectors, straight-through, codebook + commitment losses.</summary>
public sealed class VqQuantiser : Quantiser
{
    internal readonly Parameter codebook; // (k, d)

    /// <summary>Creates a codebook of <paramref name="codes"/> vectors of <paramref name="dim"/> dimensions, uniform in ±1/k as in common VQ-VAE code.</summary>
    public VqQuantiser(int codes, int dim) : base("vq", codes)
    {
        codebook = nn.Parameter(empty(codes, dim).uniform_(-1.0 / codes, 1.0 / codes));
        RegisterComponents();
    }

    /// <summary>Parameter names and shapes, without prefix.</summary>
    public static IEnumerable<WeightSpec> Layout(int codes, int dim) => [new("codebook", [codes, dim])];

    /// <inheritdoc />
    public override int QueryChannels => (int)codebook.shape[1];

    /// <summary>z (B, d, F) → q̂ = z + sg(e − z), codes = nearest codebook row, losses {"codebook": ‖sg(z) − e‖², "commitment": ‖z − sg(e)‖²} (means).</summary>
    public override QuantiserOutput forward(Tensor z)
    {
        var (b, d, frames) = (z.shape[0], z.shape[1], z.shape[2]);
        var flat = z.permute(0, 2, 1).reshape(-1, d);                            // (B·F, d)
        var distance = (flat.Power(2).sum(1, keepdim: true) - flat.matmul(codebook.t()).Times(2))
                       .Plus(codebook.Power(2).sum(1).unsqueeze(0));              // (B·F, k)
        var codes = distance.argmin(1);                                           // (B·F)
        var e = codebook.index_select(0, codes).reshape(b, frames, d).permute(0, 2, 1);          // (B, d, F)
        var losses = new Dictionary<string, Tensor>
        {
            ["codebook"] = F.mse_loss(e, z.detach()),
            ["commitment"] = F.mse_loss(z, e.detach()),
        };
        return new(z.Plus((e - z).detach()), codes.reshape(b, frames), losses);
    }

    /// <inheritdoc />
    public override Tensor CodeVectors(Device device) => codebook.to(device);
}
