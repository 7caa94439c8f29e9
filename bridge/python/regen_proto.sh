#!/bin/sh
# Regenerates gym4j_bridge/bridge_pb2.py from the schema with protoc 3.21.12, the protoc that Maven
# fetches for the Java build (run `mvn -pl bridge -am generate-sources` once first). The 3.21 line is
# kept on purpose: its output loads with Debian 12's python3-protobuf 3.21 and with current releases.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
protoc=${PROTOC:-$HOME/.m2/repository/com/google/protobuf/protoc/3.21.12/protoc-3.21.12-linux-x86_64.exe}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod +x "$protoc" 2>/dev/null || true
"$protoc" -I "$here/../src/main/proto" --python_out="$tmp" gym4j/bridge/v1/bridge.proto
cp "$tmp/gym4j/bridge/v1/bridge_pb2.py" "$here/gym4j_bridge/bridge_pb2.py"
