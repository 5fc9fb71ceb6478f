#!/usr/bin/env bash
# Builds a native installer for this OS with jpackage (JDK 17+). Usage: installer/build.sh [linux|windows|macos]
set -euo pipefail
cd "$(dirname "$0")/.."
os="${1:-linux}"
mvn -B -q -DskipTests package
rm -rf target/dist target/installer && mkdir -p target/dist
cp target/stagedesk.jar target/dist/
jpackage "@installer/$os/jpackage.txt"
ls -l target/installer
