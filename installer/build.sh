#!/usr/bin/env bash
# Builds Stagedesk with jpackage (JDK 17+): first the app image (the application with its own Java runtime),
# then the native package made from that same image.
#
#   installer/build.sh [linux|windows|macos] [--app-image-only] [--no-maven]
#
#   --app-image-only  stop after target/installer/Stagedesk (what `mvn verify` builds and runs on Linux)
#   --no-maven        use the target/stagedesk.jar already built instead of running `mvn package`
#
# Argument files: installer/common.txt (name, version, vendor, output folder: both steps), installer/app.txt
# (the jar and the JVM: app image), installer/<os>/app-image.txt and installer/<os>/jpackage.txt (the package).
# jpackage expands @files named on its command line only, never one named inside another, so every file
# is named here.
set -euo pipefail
cd "$(dirname "$0")/.."

os=linux
image_only=false
maven=true
for arg in "$@"; do
  case "$arg" in
    linux|windows|macos) os="$arg" ;;
    --app-image-only) image_only=true ;;
    --no-maven) maven=false ;;
    *) echo "usage: installer/build.sh [linux|windows|macos] [--app-image-only] [--no-maven]" >&2; exit 64 ;;
  esac
done

jpackage=jpackage
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
  jpackage="$JAVA_HOME/bin/jpackage"
elif ! command -v jpackage >/dev/null 2>&1; then
  echo "jpackage not found: it comes with a JDK 17 or newer (set JAVA_HOME or put its bin folder on PATH)" >&2
  exit 69
fi
if $maven; then
  mvn -B -ntp -q -DskipTests package
fi
if [ ! -f target/stagedesk.jar ]; then
  echo "target/stagedesk.jar is missing: run mvn package first (or leave out --no-maven)" >&2
  exit 66
fi

rm -rf target/dist target/installer
mkdir -p target/dist
cp target/stagedesk.jar target/dist/

case "$os" in
  linux) image=target/installer/Stagedesk ;;
  macos) image=target/installer/Stagedesk.app ;;
  windows) image=target/installer/Stagedesk ;;
esac

"$jpackage" --type app-image @installer/common.txt @installer/app.txt "@installer/$os/app-image.txt"
if [ "$os" = linux ]; then
  # The desktop entry (installer/linux/resources/Stagedesk.desktop, which the .deb uses too) travels in the
  # image under the name jpackage gives it in the package.
  cp installer/linux/resources/Stagedesk.desktop "$image/lib/stagedesk-Stagedesk.desktop"
fi
echo "app image: $image"
if $image_only; then
  exit 0
fi

"$jpackage" --app-image "$image" @installer/common.txt "@installer/$os/jpackage.txt"
ls -l target/installer
