#!/usr/bin/env bash
# One command for a machine with an NVIDIA GPU and CUDA 12 + cuDNN >= 9.3: builds aelab against
# the GPU build of TensorFlow, says which device it sees, then runs the ci suite and the
# throughput benchmark on the GPU. About 5 minutes.
#   scripts/gpu-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -Pgpu package -DskipTests
./aelab doctor
./aelab bench ci --set runtime.device=gpu --out target/gpu-check/ci
./aelab bench throughput --device gpu --batch 256 --out target/gpu-check/throughput
echo "gpu check: reports in target/gpu-check/"
