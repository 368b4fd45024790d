using TorchSharp;

namespace Ada.Models.Tests;

/// <summary>One torch thread for the whole suite: small models run fastest that way and results stay deterministic.</summary>
[SetUpFixture]
public class TestSetup
{
    [OneTimeSetUp]
    public void LimitThreads()
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(1);
    }
}
