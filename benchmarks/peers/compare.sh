#!/usr/bin/env bash
# aelab against PyTorch on this CPU, side by side in one run: the same three autoencoders, batch,
# thread count and optimizer. Prints aelab/PyTorch ratios of training samples/s and both
# machines' sgemm rates as each framework measures them.
#   benchmarks/peers/compare.sh [batch] [threads]
# Needs Debian's python3-torch and OpenBLAS (apt-get install python3-torch libopenblas0-pthread: without
# OpenBLAS, Debian's torch falls back to the reference BLAS at about 6 GFLOP/s; torch installs for
# /usr/bin/python3) and a built aelab
# (mvn -q package -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
batch="${1:-256}"
threads="${2:-$(nproc)}"
out="$(mktemp -d)"
"$root/aelab" bench throughput --batch "$batch" --threads "$threads" --out "$out/aelab" > "$out/aelab.log" 2>&1
# PyTorch at its best here: Debian's OpenBLAS misdetects this CPU and would run SSE3 kernels;
# libgomp's spinning threads thrash a 2-vCPU machine.
OPENBLAS_CORETYPE=SkylakeX OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS="$threads" \
  /usr/bin/python3 "$here/pytorch_throughput.py" --batch "$batch" --threads "$threads" > "$out/pytorch.json"
/usr/bin/python3 - "$out/aelab/results.json" "$out/pytorch.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
p = json.load(open(sys.argv[2]))
print(f"sgemm GFLOP/s: aelab (TensorFlow) {a['sgemm_gflops']:.1f}, PyTorch {p['sgemm_gflops']:.1f} (torch {p['torch_version']})")
print(f"{'model':8} {'aelab samples/s':>16} {'pytorch samples/s':>18} {'ratio':>7}   {'aelab score/s':>14} {'pytorch score/s':>16}")
pt = {m["model"]: m for m in p["models"]}
for m in a["models"]:
    q = pt[m["model"]]
    print(f"{m['model']:8} {m['train_samples_per_second']:16.0f} {q['train_samples_per_second']:18.0f} "
          f"{m['train_samples_per_second'] / q['train_samples_per_second']:7.2f}   "
          f"{m['score_rows_per_second']:14.0f} {q['score_rows_per_second']:16.0f}")
PY
echo "raw results: $out"
