using Ada.Inference.Kernels;
using Ada.Protocol;
using Ada.Protocol.Messages;
using Ada.Protocol.Transport;
using Ada.Service.Models;
using Ada.Service.Tests.Support;

namespace Ada.Service.Tests;

[TestFixture]
public class SessionTests
{
    private const int Rate = 44_100;

    [Test]
    public void HelloWithoutACommonVersionIsRefusedAndTheClientMayRetry()
    {
        using var service = new TestService();
        Assert.That(ProtocolSocket.TryConnect(service.Host.SocketPath, TestClient.Timeout, out var socket, out var error), Is.True, error.ToString());
        using (socket)
        {
            var future = new HelloMessage(ProtocolVersion.Current + 1, ProtocolVersion.Current + 4, ClientKind.Test, "from the future", 1, Rate, 0);
            Assert.That(socket!.TryHandshake(future, TestClient.Timeout, out _, out error), Is.False);
            Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.PeerError));
            Assert.That(error.Message, Does.StartWith("UnsupportedVersion"));

            var now = new HelloMessage(1, ProtocolVersion.Current + 1, ClientKind.Test, "now", 1, Rate, 0);
            Assert.That(socket.TryHandshake(now, TestClient.Timeout, out var reply, out error), Is.True, error.ToString());
            Assert.That(reply.Version, Is.EqualTo(ProtocolVersion.Current));
            Assert.That(reply.Device, Is.EqualTo($"cpu ({KernelPaths.Best})"), "the model source's device");
        }
    }

    [Test]
    public void RequestsBeforeHelloAreRefused()
    {
        using var service = new TestService();
        using var raw = new RawConnection(service.Host.SocketPath);
        raw.Send(Ada.Protocol.Framing.FrameCodec.Encode(new StatusRequestMessage(), 7));
        var reply = raw.ReadFrame();
        Assert.That(reply?.RequestId, Is.EqualTo(7u));
        Assert.That(reply!.Value.TryDecode(out ErrorMessage error, out _), Is.True);
        Assert.That(error.Message, Does.Contain("send Hello first"));
    }

    [Test]
    public void LoadPresetChecksThePresetAndItsCheckpoint()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        Assert.That(client.ExpectError(client.Send(new LoadPresetMessage(1, "nope", ContentHash.None))).Code, Is.EqualTo(ErrorCode.PresetNotFound));
        var other = ContentHash.Of("other model"u8);
        var wrong = client.ExpectError(client.Send(new LoadPresetMessage(1, "tiny", other)));
        Assert.That(wrong.Code, Is.EqualTo(ErrorCode.CheckpointMismatch));
        Assert.That(wrong.Message, Is.EqualTo($"LoadPreset: preset 'tiny' resolves to model {TinyModels.ModelHash}, the client expects {other}"));
        var status = client.Status();
        Assert.That(status.LastError, Is.EqualTo(wrong.Message), "Status carries the last error");
        Assert.That(status.Checkpoint, Is.EqualTo(ContentHash.None), "nothing is loaded: the refused preset is not");

        Assert.That(ContentHash.TryParse(TinyModels.ModelHash, out var expected), Is.True);
        var loaded = client.Expect<StatusMessage>(client.Send(new LoadPresetMessage(1, "tiny", expected)));
        Assert.That((loaded.Connected, loaded.Checkpoint), Is.EqualTo((true, expected)));
    }

    [Test]
    public void LoadPresetsStatusCarriesTheModelHashOfThePreset()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        Assert.That(ContentHash.TryParse(TinyModels.ModelHash, out var model), Is.True);

        var loaded = client.Expect<StatusMessage>(client.Send(new LoadPresetMessage(1, "tiny", ContentHash.None)));
        Assert.That(loaded.Checkpoint.ToString(), Is.EqualTo(TinyModels.ModelHash), "accepting any model, the client learns which one it got");
        Assert.That(client.Status().Checkpoint, Is.EqualTo(model), "and every later Status repeats it");
    }

    [Test]
    public void AVersion2ClientGetsTheVersion2StatusLayout()
    {
        using var service = new TestService();
        using var client = TestClient.Connect(service.Host.SocketPath, Rate, maxVersion: 2);
        Assert.That(client.Hello.Version, Is.EqualTo((ushort)2));
        Assert.That(ContentHash.TryParse(TinyModels.ModelHash, out var model), Is.True);

        var id = client.Send(new LoadPresetMessage(1, "tiny", model));
        var frame = client.Receive();
        Assert.That((frame.RequestId, frame.Type, frame.Header.Version), Is.EqualTo((id, MessageType.Status, (ushort)2)));
        Assert.That(frame.TryDecode(out StatusMessage loaded, out var error), Is.True, error.ToString());
        Assert.That((loaded.Connected, loaded.Checkpoint), Is.EqualTo((true, ContentHash.None)), "a version 2 Status has no hash");
        Assert.That(frame.Payload.Length, Is.EqualTo(StatusMessage.GetPayloadSize(loaded, 2)));
        Assert.That(client.ExpectError(client.Send(new LoadPresetMessage(1, "tiny", ContentHash.Of("other model"u8)))).Code,
            Is.EqualTo(ErrorCode.CheckpointMismatch), "the expectation is checked for every version");
    }

    [Test]
    public void ArmTakeNeedsAKnownPresetAndAUsableHostRate()
    {
        using var service = new TestService();
        using var noRate = service.Connect(hostRate: 0);
        var error = noRate.ExpectError(noRate.Send(new ArmTakeMessage(1, "tiny", 1, 0, ContentHash.None)));
        Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCode.BadRequest, "ArmTake: the host sample rate is unknown; send it in Hello or Transport first")));
        noRate.Send(new TransportMessage(false, 120, 0, 0, 4, 4, 44_100.5));
        Assert.That(noRate.ExpectError(noRate.Send(new ArmTakeMessage(1, "tiny", 1, 0, ContentHash.None))).Message, Does.Contain("not a whole number"));
        noRate.Send(new TransportMessage(false, 120, 0, 0, 4, 4, 48_000));
        Assert.That(noRate.Arm(1, "tiny", 1, 0).Attached.SampleRate, Is.EqualTo(48_000u), "the rate from Transport");
        Assert.That(noRate.ExpectError(noRate.Send(new ArmTakeMessage(2, "missing", 1, 0, ContentHash.None))).Code, Is.EqualTo(ErrorCode.PresetNotFound));
    }

    [Test]
    public void TemperatureParameter_MustBeInRange_AndMakesADifferentTake()
    {
        using var service = new TestService();
        using var client = service.Connect();
        var error = client.ExpectError(client.Send(new SetParameterMessage((uint)SessionParameter.Temperature, 2.5)));
        Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCode.BadRequest, "SetParameter: temperature scale 2.5 is outside 0.1..2")));

        var plain = client.Arm(1, "tiny", 1, 0).Attached.RingPath;
        client.Send(new SetParameterMessage((uint)SessionParameter.Temperature, 0.5));
        Assert.That(client.Arm(1, "tiny", 1, 0).Attached.RingPath, Is.Not.EqualTo(plain), "a colder take is another take, so another ring");
    }

    [Test]
    public void ReArmingATakeIdReusesOrReplacesItsRing()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var (first, _) = client.Arm(1, "tiny", 1, 0);
        var (same, _) = client.Arm(1, "tiny", 1, 0);
        Assert.That(same.RingPath, Is.EqualTo(first.RingPath));
        var (other, ring) = client.Arm(1, "tiny", 1, 1);
        Assert.That(other.RingPath, Is.Not.EqualTo(first.RingPath));
        Assert.That(File.Exists(first.RingPath), Is.False, "the replaced ring is deleted");
        Assert.That(service.Metrics.ActiveRings, Is.EqualTo(1));
        var frames = RingFrames.Collect(ring, 0, 2000);
        Assert.That(OfflineRender.FirstMismatch(frames, OfflineRender.Take(TinyModels.Preset(), 1, 1, Rate), 0), Is.EqualTo(-1));
    }

    [Test]
    public void ReArmingAFailedTakeReplacesItsRingAndGeneratesTheTakeAfresh()
    {
        using var service = new TestService(new ReloadedAfterFirstResolve());
        using var client = service.Connect(Rate);
        var (failed, _) = client.Arm(1, "tiny", 1, 0);
        Assert.That(client.Status().LastError, Does.EndWith("its model was replaced by a reload before generation started; arm the take again"));

        var (again, ring) = client.Arm(1, "tiny", 1, 0);
        Assert.That(again.RingPath, Is.Not.EqualTo(failed.RingPath));
        Assert.That(File.Exists(failed.RingPath), Is.False, "the failed take's ring is deleted");
        Assert.That(service.Metrics.ActiveRings, Is.EqualTo(1));
        var reference = OfflineRender.Take(TinyModels.Preset(), 1, 0, Rate);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(ring, 0, reference.Length), reference, 0), Is.EqualTo(-1));
        Assert.That(client.Status().LastError, Is.Empty);
    }

    [Test]
    public void TooManyRingsIsBusy()
    {
        using var service = new TestService(configure: o => o with { MaxRingsPerClient = 2 });
        using var client = service.Connect(Rate);
        client.Arm(1, "tiny", 1, 0);
        client.Arm(2, "tiny", 1, 1);
        Assert.That(client.ExpectError(client.Send(new ArmTakeMessage(3, "tiny", 1, 2, ContentHash.None))).Code, Is.EqualTo(ErrorCode.Busy));
    }

    [Test]
    public void ANoteOnPreRendersThatVariationSoArmingItLaterGeneratesNothing()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        client.Expect<StatusMessage>(client.Send(new LoadPresetMessage(1, "tiny", ContentHash.None)));
        client.Send(new MidiEventMessage(0, 42, 0.8f, true, 0));
        long length = TinyModels.Preset().LengthSamples;
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.GeneratedSamples == length, TestClient.Timeout), Is.True, "variation 42 is pre-rendered");

        var (_, ring) = client.Arm(1, "tiny", TinyModels.Preset().Seed, 42);
        var reference = OfflineRender.Take(TinyModels.Preset(), TinyModels.Preset().Seed, 42, Rate);
        Assert.That(OfflineRender.FirstMismatch(RingFrames.Collect(ring, 0, reference.Length), reference, 0), Is.EqualTo(-1));
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(length), "armed from the pre-render");
    }

    [Test]
    public void ANoteOnPreRendersTheVariationTheKeyWillArmWithTheClientsOffset()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        client.Expect<StatusMessage>(client.Send(new LoadPresetMessage(1, "tiny", ContentHash.None)));
        client.Send(new SetParameterMessage((uint)SessionParameter.VariationOffset, 5));
        client.Send(new MidiEventMessage(0, 42, 0.8f, true, 0));
        long length = TinyModels.Preset().LengthSamples;
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.GeneratedSamples == length, TestClient.Timeout), Is.True, "variation 47 is pre-rendered");

        client.Arm(1, "tiny", TinyModels.Preset().Seed, 47);
        Assert.That(service.Metrics.GeneratedSamples, Is.EqualTo(length), "key 42 + offset 5 was armed from the pre-render");
    }

    [Test]
    public void InPitchModeANoteOnPreRendersNothing()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        client.Expect<StatusMessage>(client.Send(new LoadPresetMessage(1, "tiny", ContentHash.None)));
        client.Send(new SetParameterMessage((uint)SessionParameter.NoteMode, 1));
        client.Send(new MidiEventMessage(0, 42, 0.8f, true, 0));
        client.Status();                                             // the note-on has been handled
        Thread.Sleep(300);
        Assert.That(service.Metrics.GeneratedSamples, Is.Zero, "every key plays the one armed take, so nothing is guessed");

        client.Send(new SetParameterMessage((uint)SessionParameter.NoteMode, 0));
        client.Send(new MidiEventMessage(0, 43, 0.8f, true, 0));
        Assert.That(SpinWait.SpinUntil(() => service.Metrics.GeneratedSamples == TinyModels.Preset().LengthSamples, TestClient.Timeout), Is.True,
            "back in variation mode a note-on pre-renders again");
    }

    [Test]
    public void ServiceToClientMessagesFromAClientAreRefused()
    {
        using var service = new TestService();
        using var client = service.Connect(Rate);
        var error = client.ExpectError(client.Send(new StatusMessage(true, "x", 0, 0, "")));
        Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCode.BadRequest, "Status is a service-to-client message")));
        Assert.That(client.Status().Connected, Is.False, "the connection still works; nothing is loaded");
    }

    [Test]
    public void GoodbyeIsAnsweredAndClosesTheConnection()
    {
        using var service = new TestService();
        var client = service.Connect(Rate);
        var (attached, _) = client.Arm(1, "tiny", 1, 0);
        client.Expect<GoodbyeMessage>(client.Send(new GoodbyeMessage()));
        Assert.That(client.Socket.TryReceive(TestClient.Timeout, out _, out var error), Is.False);
        Assert.That(error.Code, Is.EqualTo(ProtocolErrorCode.ConnectionClosed));
        Assert.That(File.Exists(attached.RingPath), Is.False);
        client.Dispose();
    }

    /// <summary>
    /// The tiny presets, their model reloaded (the old one retired, the same file loaded again) just after the first Resolve:
    /// a reload landing between an ArmTake's resolve and its render job.
    /// </summary>
    private sealed class ReloadedAfterFirstResolve : ITakeModelSource
    {
        private readonly Lock _lock = new();
        private LoadedModel _model = new(TinyModels.Levels);
        private bool _reloaded;

        public string Device => TinyModelSource.Default().Device;

        public ResolvedPreset Resolve(string preset)
        {
            lock (_lock)
            {
                var resolved = TinyModels.Preset(preset) with { Model = _model };
                if (!_reloaded)
                {
                    _model.Retire();
                    _model = new LoadedModel(TinyModels.Levels);
                    _reloaded = true;
                }
                return resolved;
            }
        }

        public IReadOnlyList<int[]> EncodePrimer(ResolvedPreset preset, float[] audio16k) => TinyModelSource.Encode(preset, audio16k);
    }
}
