#!/usr/bin/env bash
# Builds a local stand-in for the JVM images' base (registry.access.redhat.com/ubi9/openjdk-25-runtime) when that
# cannot be pulled: Debian bookworm (debootstrap --variant=minbase) with curl, the libraries the JDK's headless AWT
# loads (fontconfig, freetype), a Java 25 runtime made by jlink from this machine's JDK 25 ($JAVA_HOME; Debian
# bookworm packages no OpenJDK 25) under /opt/java/openjdk, the
# user 185 the Dockerfiles switch to, /deployments, and the same entry point contract as the UBI image
# (/opt/jboss/container/java/run/run-java.sh running $JAVA_APP_JAR with $JAVA_OPTS_APPEND). Imported with
# `docker import`. The root filesystem is cached (PW_BASE_CACHE, default ~/.cache/pledgewatch) between runs.
set -euo pipefail
IMAGE="${1:-pledgewatch/jvm-base:25-bookworm}"
DOCKER="${DOCKER:-/usr/bin/docker}"
CACHE="${PW_BASE_CACHE:-$HOME/.cache/pledgewatch}"
MIRROR="${PW_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
TARBALL="$CACHE/jvm-base-25-bookworm.tar"
JDK="${JAVA_HOME:-}"

say() { printf '%s\n' "$*" >&2; }

if "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$CACHE"
if [ ! -s "$TARBALL" ]; then
  command -v debootstrap >/dev/null || { say "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
  [ -x "$JDK/bin/jlink" ] || { say "JAVA_HOME must point at a JDK 25 (its jlink makes the image's runtime)"; exit 1; }
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  say "building the stand-in base image from Debian packages (debootstrap, about a minute) ..."
  debootstrap --variant=minbase --include=curl,ca-certificates,libfontconfig1,libfreetype6 bookworm "$root" "$MIRROR" \
    > "$CACHE/debootstrap.log" 2>&1 || { tail -n 20 "$CACHE/debootstrap.log" >&2; exit 1; }
  # The JDK's modules, as the UBI runtime has them (without the tools that make images and the incubating ones),
  # linked from the JDK's own run-time image (JEP 493: Temurin 25 ships no jmods); no debug symbols, man pages or
  # headers.
  modules=$("$JDK/bin/java" --list-modules | sed 's/@.*//' | grep -v -E '^jdk\.(jlink|jpackage|incubator\..*)$' | paste -sd, -)
  "$JDK/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --output "$root/opt/java/openjdk" > "$CACHE/jlink.log" 2>&1 || { tail -n 20 "$CACHE/jlink.log" >&2; exit 1; }
  chroot "$root" groupadd -g 185 jboss
  chroot "$root" useradd -u 185 -g 185 -d /home/jboss -m -s /usr/sbin/nologin jboss
  mkdir -p "$root/deployments" "$root/opt/jboss/container/java/run"
  chroot "$root" chown 185:185 /deployments
  cat > "$root/opt/jboss/container/java/run/run-java.sh" <<'RUN'
#!/bin/sh
# Stand-in for the UBI OpenJDK image's run-java.sh: the heap follows the container's memory limit.
exec java -XX:MaxRAMPercentage="${JAVA_MAX_MEM_RATIO:-50}" -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS_APPEND:-} -jar "${JAVA_APP_JAR}" "$@"
RUN
  chmod 755 "$root/opt/jboss/container/java/run/run-java.sh"
  rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*
  tar -C "$root" -cf "$TARBALL" .
fi
say "importing the stand-in base image $IMAGE (the UBI default could not be pulled from here)"
"$DOCKER" import --change 'USER 185' --change 'WORKDIR /deployments' \
  --change 'ENV JAVA_HOME=/opt/java/openjdk LANG=C.UTF-8' \
  --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  "$TARBALL" "$IMAGE" >/dev/null
