#!/usr/bin/env bash
# Builds a local stand-in for the JVM images' base (registry.access.redhat.com/ubi9/openjdk-17-runtime) when that
# cannot be pulled: Debian bookworm (debootstrap --variant=minbase) with OpenJDK 17's headless JRE and curl, the
# user 185 the Dockerfiles switch to, /deployments, and the same entry point contract as the UBI image
# (/opt/jboss/container/java/run/run-java.sh running $JAVA_APP_JAR with $JAVA_OPTS_APPEND). Imported with
# `docker import`. The root filesystem is cached (PW_BASE_CACHE, default ~/.cache/pledgewatch) between runs.
set -euo pipefail
IMAGE="${1:-pledgewatch/jvm-base:17-bookworm}"
DOCKER="${DOCKER:-/usr/bin/docker}"
CACHE="${PW_BASE_CACHE:-$HOME/.cache/pledgewatch}"
MIRROR="${PW_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
TARBALL="$CACHE/jvm-base-17-bookworm.tar"

say() { printf '%s\n' "$*" >&2; }

if "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$CACHE"
if [ ! -s "$TARBALL" ]; then
  command -v debootstrap >/dev/null || { say "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  say "building the stand-in base image from Debian packages (debootstrap, about a minute) ..."
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates bookworm "$root" "$MIRROR" \
    > "$CACHE/debootstrap.log" 2>&1 || { tail -n 20 "$CACHE/debootstrap.log" >&2; exit 1; }
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
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 LANG=C.UTF-8' "$TARBALL" "$IMAGE" >/dev/null
