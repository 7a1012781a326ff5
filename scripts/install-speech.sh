#!/usr/bin/env bash
# Install the offline speech recogniser's files (Moonshine tiny, quantized
# ONNX; its SentencePiece vocabulary; ONNX Runtime's shared library) from
# npm packages into PARLEY_STT_MODEL_DIR (default: the user cache directory,
# ~/.cache/parley/moonshine-tiny), and check them against pinned sha256
# sums. Idempotent: a complete, verified directory is left alone. Needs npm
# and tar; Linux x86-64 only (the runtime library is built for it).
#
#   @moonshine-ai/moonshine-js 0.1.29 (MIT): dist/model/tiny/quantized/*.onnx
#   llama-tokenizer-js 1.2.2 (MIT): the vocabulary embedded as base64
#   sherpa-onnx-linux-x64 1.13.8 (Apache-2.0): libonnxruntime.so 1.28 (MIT),
#     27 MB, against 46 MB in onnxruntime-node's 113 MB tarball
set -euo pipefail

dir=${PARLEY_STT_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/parley/moonshine-tiny}

sums="c6fc4b7bc5af75c0591fd157a1f3829b533d18e9769a888fd95a62e470dd4f4a  encoder_model.onnx
eed87831c3a6103534aae7d47a5d485025c659a1323901513961c39fe8a1a367  decoder_model_merged.onnx
0f97b4337921e6e7e9b4620fc73338ee570aecd3c16038bc23870a887e995045  vocab.txt
4b3607aebd1784b26b6f9b20e4bd974c7ab8287043e4d095cb7d2cb40b5e566e  libonnxruntime.so"

verify() { (cd "$1" && echo "$sums" | sha256sum --check --quiet --status); }

if [[ -d $dir ]] && verify "$dir"; then
	exit 0
fi
if [[ $(uname -sm) != "Linux x86_64" ]]; then
	echo "install-speech: only Linux x86-64 is supported (ONNX Runtime from sherpa-onnx-linux-x64)" >&2
	exit 1
fi
command -v npm >/dev/null || { echo "install-speech: npm is needed (apt-get install npm)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent @moonshine-ai/moonshine-js@0.1.29 llama-tokenizer-js@1.2.2 sherpa-onnx-linux-x64@1.13.8 >/dev/null
mkdir out
tar -xzf moonshine-ai-moonshine-js-0.1.29.tgz package/LICENSE \
	package/dist/model/tiny/quantized/encoder_model.onnx package/dist/model/tiny/quantized/decoder_model_merged.onnx
mv package/dist/model/tiny/quantized/*.onnx out/
mv package/LICENSE out/LICENSE.moonshine-js
rm -rf package
tar -xzf llama-tokenizer-js-1.2.2.tgz package/llama-tokenizer.js package/LICENSE.md
sed -n 's/^const llama_vocab_base64 = "\(.*\)"$/\1/p' package/llama-tokenizer.js | base64 -d >out/vocab.txt
mv package/LICENSE.md out/LICENSE.llama-tokenizer-js
rm -rf package
tar -xzf sherpa-onnx-linux-x64-1.13.8.tgz package/libonnxruntime.so
mv package/libonnxruntime.so out/
if ! verify out; then
	echo "install-speech: downloaded files do not match the pinned sha256 sums" >&2
	(cd out && echo "$sums" | sha256sum --check) >&2 || true
	exit 1
fi
mkdir -p "$dir"
mv out/* "$dir"/
echo "install-speech: Moonshine tiny and ONNX Runtime installed in $dir"
