#!/usr/bin/env python3
"""Training throughput of the reference WaveNet in PyTorch: the same model and loop as
Ada.Models.TrainingBenchmark (docs/MODEL.md). Prints one JSON object with samples/s.

Run with Debian's python3-torch: /usr/bin/python3 benchmarks/pytorch/wavenet_train_bench.py
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Layer(nn.Module):
    """Kernel-2 causal dilated conv, tanh*sigmoid gate, residual (absent in the last layer) and skip 1x1s."""

    def __init__(self, r, g, s, dilation, last):
        super().__init__()
        self.dilation, self.gate = dilation, g
        self.dilated = nn.Conv1d(r, 2 * g, 2, dilation=dilation)
        self.residual = None if last else nn.Conv1d(g, r, 1)
        self.skip = nn.Conv1d(g, s, 1)

    def forward(self, h):  # h (B, R, T)
        a = self.dilated(F.pad(h, (self.dilation, 0)))  # (B, 2G, T)
        z = torch.tanh(a[:, : self.gate]) * torch.sigmoid(a[:, self.gate :])  # (B, G, T)
        return (h if self.residual is None else h + self.residual(z)), self.skip(z)


class WaveNet(nn.Module):
    def __init__(self, q, r, g, s, layers, cycle, pad):
        super().__init__()
        self.pad = pad
        self.embed = nn.Embedding(q, r)
        self.layers = nn.ModuleList(Layer(r, g, s, 2 ** (l % cycle), l == layers - 1) for l in range(layers))
        self.head1 = nn.Conv1d(s, s, 1)
        self.head2 = nn.Conv1d(s, q, 1)

    def forward(self, x):  # x (B, T) int64
        inp = F.pad(x[:, :-1], (1, 0), value=self.pad)  # in[t] = x[t-1]
        h = self.embed(inp).transpose(1, 2)  # (B, R, T)
        skip = None
        for layer in self.layers:
            h, s = layer(h)
            skip = s if skip is None else skip + s
        return self.head2(F.relu(self.head1(F.relu(skip))))  # (B, Q, T)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--length", type=int, default=8000)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--steps", type=int, default=10)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    q = 256
    model = WaveNet(q, 64, 64, 128, 30, 10, pad=128)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randint(0, q, (a.batch, a.length))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), x) / math.log(2)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for _ in range(a.warmup):
        step()
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(a.steps):
        step()
    seconds = (time.perf_counter() - start) / a.steps
    cpu_seconds = (time.process_time() - cpu_start) / a.steps
    print(json.dumps({
        "framework": "pytorch " + torch.__version__,
        "description": "wavenet L=30 R=64 G=64 S=128 Q=256",
        "threads": a.threads, "batch": a.batch, "length": a.length, "steps": a.steps,
        "parameters": sum(p.numel() for p in model.parameters()),
        "seconds_per_step": seconds,
        "samples_per_second": a.batch * a.length / seconds,
        "cpu_seconds_per_step": cpu_seconds,
        "samples_per_cpu_second": a.batch * a.length / cpu_seconds,
    }))


if __name__ == "__main__":
    main()
