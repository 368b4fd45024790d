using AdaPlugin.Tests.Harness;

namespace AdaPlugin.Tests;

/// <summary>Removes the files the native harness leaves in the temp folder, once all tests have run.</summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteNativeCopies() => NativePlugin.DeleteTemporaryFiles();
}
