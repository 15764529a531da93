# Sourced (POSIX sh) by ./mvnw and ./pledgewatch: finds the JDK the suite is built for and runs on (25 or newer)
# and puts it first, so that both work on a machine whose default java is older (these machines: 17 by default,
# Temurin 25 beside it). Looks at JAVA_HOME, then the java on the PATH, then the JDKs under /usr/lib/jvm (where
# Debian's and Temurin's packages put them). Returns 1 when there is none.

pw_jdk_feature() {
  # A JDK's release file names its version without starting it; a JDK without one is asked.
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

pw_find_jdk() {
  pw_on_path=$(command -v java 2>/dev/null || true)
  [ -z "$pw_on_path" ] || pw_on_path=$(dirname "$(dirname "$(readlink -f "$pw_on_path")")")
  for pw_jdk in "${JAVA_HOME:-}" "$pw_on_path" /usr/lib/jvm/*; do
    [ -n "$pw_jdk" ] && [ -x "$pw_jdk/bin/java" ] || continue
    if [ "$(pw_jdk_feature "$pw_jdk")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="${pw_jdk%/}"
      PATH="$JAVA_HOME/bin:$PATH"
      export JAVA_HOME PATH
      return 0
    fi
  done
  return 1
}
