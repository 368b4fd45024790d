#!/usr/bin/python3
"""Reference point for `ada bench sampler`: the standard cached-queue incremental WaveNet loop in PyTorch.

Same architecture as docs/MODEL.md (kernel-2 dilated convs, gated units, residual + skip 1x1, two-layer
head, per-layer conditioning added to the gate), random weights, one thread, per-layer queues so each
step costs O(layers). Prints one JSON line: samples/s for each batch size.
Run with Debian's python3-torch: /usr/bin/python3 benchmarks/pytorch/wavenet_incremental_bench.py
"""
import argparse
import json
import time

import torch


class IncrementalWaveNet(torch.nn.Module):
    def __init__(self, classes, residual, gate, skip, layers, cycle):
        super().__init__()
        self.dilations = [2 ** (i % cycle) for i in range(layers)]
        self.embed = torch.nn.Embedding(classes, residual)
        self.dilated = torch.nn.ModuleList(torch.nn.Conv1d(residual, 2 * gate, 2) for _ in range(layers))
        self.res = torch.nn.ModuleList(torch.nn.Conv1d(gate, residual, 1) for _ in range(layers))
        self.skip = torch.nn.ModuleList(torch.nn.Conv1d(gate, skip, 1) for _ in range(layers))
        self.out1 = torch.nn.Conv1d(skip, skip, 1)
        self.out2 = torch.nn.Conv1d(skip, classes, 1)
        self.gate = gate

    def init_queues(self, batch):
        # queue[l] holds the last d inputs of layer l: (B, R, d)
        return [torch.zeros(batch, self.embed.embedding_dim, d) for d in self.dilations]

    @torch.no_grad()
    def step(self, previous, cond, queues):
        h = self.embed(previous).unsqueeze(-1)                      # (B, R, 1)
        s = 0
        for l, d in enumerate(self.dilations):
            past = queues[l][:, :, :1]                              # input at t - d
            queues[l] = torch.cat([queues[l][:, :, 1:], h], dim=2)  # push input at t
            a = self.dilated[l](torch.cat([past, h], dim=2)) + cond[l]   # (B, 2G, 1)
            z = torch.tanh(a[:, :self.gate]) * torch.sigmoid(a[:, self.gate:])
            h = h + self.res[l](z)
            s = s + self.skip[l](z)
        logits = self.out2(torch.relu(self.out1(torch.relu(s))))   # (B, Q, 1)
        return torch.multinomial(torch.softmax(logits[:, :, 0], dim=1), 1)[:, 0]


def measure(model, batch, seconds, layers, gate):
    queues = model.init_queues(batch)
    previous = torch.zeros(batch, dtype=torch.long)
    cond = [torch.randn(batch, 2 * gate, 1) for _ in range(layers)]
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(32):
            previous = model.step(previous, cond, queues)
            steps += 1
    return steps * batch / (time.perf_counter() - start)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--layers", type=int, default=30)
    p.add_argument("--cycle", type=int, default=10)
    p.add_argument("--residual", type=int, default=64)
    p.add_argument("--gate", type=int, default=64)
    p.add_argument("--skip", type=int, default=128)
    p.add_argument("--seconds", type=float, default=3)
    p.add_argument("--batch", type=int, nargs="+", default=[1, 4])
    args = p.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    model = IncrementalWaveNet(256, args.residual, args.gate, args.skip, args.layers, args.cycle).eval()
    result = {f"batch{b}": round(measure(model, b, args.seconds, args.layers, args.gate)) for b in args.batch}
    print(json.dumps({"torch": torch.__version__, "threads": 1, **vars(args), "samples_per_second": result}))


if __name__ == "__main__":
    main()
