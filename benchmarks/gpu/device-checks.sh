#!/bin/bash
# GPU checks of the TorchSharp paths (training, the TorchSharp incremental sampler) on a CUDA machine that has
# PyTorch (its libtorch is loaded in place of TorchSharp-cuda's) but no .NET SDK. See benchmarks/gpu/README.md.
# usage: device-checks.sh <folder with dotnet.tar.xz and app/> <output folder>
# GPU=cpu runs the same script against TorchSharp on the CPU (to try the script on a machine without CUDA).
# CHECKS picks sections (default: all of train sampler render service pytorch).
set -u
carry=$1; out=$2
checks=" ${CHECKS:-train sampler render service pytorch} "
want() { [[ $checks == *" $1 "* ]]; }
gpu=${GPU:-cuda}; sampler=$gpu; [ "$gpu" = cpu ] && sampler=torch-cpu
mkdir -p "$out" /tmp/dotnet
tar -C /tmp/dotnet -xJf "$carry/dotnet.tar.xz"
export DOTNET_ROOT=/tmp/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1
torchlib=${TORCH_LIB:-$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')}
export LD_LIBRARY_PATH=$torchlib
ada() { /tmp/dotnet/dotnet "$carry/app/ada.dll" "$@"; }
step() { echo; echo "=== $*"; }

step environment
nvidia-smi -L
python3 -c 'import torch; print("python torch", torch.__version__, "cuda", torch.version.cuda, "cxx11abi", torch._C._GLIBCXX_USE_CXX11_ABI)'
step "symbols LibTorchSharp (built for LibTorch 2.10) misses in this libtorch"
ldd -r "$carry/app/libLibTorchSharp.so" 2>&1 | grep -c "undefined symbol" || true
ldd -r "$carry/app/libLibTorchSharp.so" 2>&1 | grep "undefined symbol" | head -20 | c++filt 2>/dev/null || true

step "ada info --device $gpu"
ada info --device $gpu || { echo "CUDA did not initialise; stopping"; exit 1; }

if want train; then
step "training throughput, reference decoder (30 layers, R64), cuda vs 16 CPU threads on this machine"
ada bench train --device $gpu --steps ${BENCH_STEPS:-30} 2>&1 | tee "$out/bench-train-cuda.txt"
ada bench train --device cpu --threads 16 --steps ${CPU_BENCH_STEPS:-5} 2>&1 | tee "$out/bench-train-cpu.txt"

step "training on cuda: tiny AMAE on synthetic sines, 300 steps; first steps vs the same run on the CPU"
ADA_CACHE=/tmp/cache-cuda ada train configs/tiny.json --device $gpu --steps ${TINY_STEPS:-300} > "$out/train-cuda.log" 2>&1; tail -3 "$out/train-cuda.log"
ADA_CACHE=/tmp/cache-cpu ada train configs/tiny.json --device cpu --threads 4 --steps 5 > "$out/train-cpu.log" 2>&1
cp /tmp/cache-cuda/runs/tiny/train.csv "$out/train-cuda.csv"; cp /tmp/cache-cpu/runs/tiny/train.csv "$out/train-cpu.csv"
python3 - "$out" <<'PY'
import csv, sys
out = sys.argv[1]
rows = lambda f: list(csv.DictReader(open(f"{out}/{f}")))
g, c = rows("train-cuda.csv"), rows("train-cpu.csv")
key = "nll" if "nll" in g[0] else list(g[0])[1]
for a, b in zip(g[:5], c[:5]):
    print(f"step {a['step']}: loss cuda {float(a['loss']):.6f} cpu {float(b['loss']):.6f} |diff| {abs(float(a['loss'])-float(b['loss'])):.2e}")
first = sum(float(r["loss"]) for r in g[:20]) / 20; last = sum(float(r["loss"]) for r in g[-20:]) / 20
print(f"cuda run: mean loss of first 20 logged steps {first:.4f}, last 20 {last:.4f}, decreased: {last < first}")
PY

fi

if want sampler; then
step "sampler: default hierarchy, fast CPU sampler (1 thread) vs TorchSharp step loop on cuda"
ada bench sampler --model models/default-piano/model.json --torchsharp --torch-device $gpu --batch 1 16 64 --seconds 2 2>&1 | tee "$out/bench-sampler.txt"

fi

if want render; then
step "render parity: the same preset and seed on the CPU sampler and on cuda (twice)"
render() {
  ada render --preset presets/piano-sketch.json --seconds 3 --device $1 --format float32 --rate 16000 --out "/tmp/render-$2.wav" --overwrite 2>&1 | tail -2
  cp "/tmp/render-$2.wav" "$out/render-$2.wav"
}
render cpu cpu; render $sampler gpu1; render $sampler gpu2
python3 - "$out" <<'PY'
import math, sys
from array import array
out = sys.argv[1]
def load(n):
    data = open(f"{out}/render-{n}.wav", "rb").read()
    i = data.find(b"data"); size = int.from_bytes(data[i+4:i+8], "little")
    return array("f", data[i+8:i+8+size])
cpu, g1, g2 = load("cpu"), load("gpu1"), load("gpu2")
def first_diff(a, b):
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), None)
rms = lambda a: math.sqrt(sum(x * x for x in a) / len(a))
print("samples", len(cpu), len(g1), len(g2))
print("device run 1 vs run 2: first differing sample", first_diff(g1, g2))
print("fast CPU sampler vs device: first differing sample", first_diff(cpu, g1), "of", len(cpu))
print("rms cpu %.4f device %.4f" % (rms(cpu), rms(g1)))
PY
fi

if want service; then
step "generator service (ada serve's engine, rings and simulated real-time players) on $sampler, then on the CPU sampler with every core"
ada bench service --device $sampler --max-clients 2 --seconds 5 --workers 2 2>&1 | tee "$out/bench-service-gpu.txt"
ada bench service --device cpu --max-clients ${CPU_CLIENTS:-24} --seconds 5 2>&1 | tee "$out/bench-service-cpu.txt"
fi

if want pytorch; then
step "TorchSharp against PyTorch on the same libtorch and an idle machine: training (2 and 16 threads) and the incremental sampler"
ada bench train --device cpu --threads 2 --steps 5 --pytorch python3 2>&1 | tee "$out/bench-train-pytorch-2.txt"
ada bench train --device cpu --threads 16 --steps 10 --pytorch python3 2>&1 | tee "$out/bench-train-pytorch-16.txt"
ada bench sampler --pytorch python3 --batch 1 8 --seconds 2 2>&1 | tee "$out/bench-sampler-pytorch.txt"
fi
