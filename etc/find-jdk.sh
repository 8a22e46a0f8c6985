# Sourced by ./tine and ./test: sets TINE_JAVA_HOME to a JDK >= 21 (JAVA_HOME first, then the
# usual install places), because Truffle 25 does not run on older JDKs.
tine_java_version_of() { # sets TINE_JAVA_VERSION to the feature version of the JDK in $1 (no process started)
  local line
  TINE_JAVA_VERSION=""
  if [ -f "$1/release" ]; then # cheap: no JVM start
    while IFS= read -r line; do
      case $line in JAVA_VERSION=\"[0-9]*) line=${line#JAVA_VERSION=\"}; TINE_JAVA_VERSION=${line%%[!0-9]*}; break ;; esac
    done < "$1/release"
  else
    TINE_JAVA_VERSION=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -n "$TINE_JAVA_VERSION" ]
}
tine_jdk_fits() { # sets TINE_JAVA_HOME to $1 if it is a JDK >= 21
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && tine_java_version_of "$1" && [ "$TINE_JAVA_VERSION" -ge 21 ] || return 1
  TINE_JAVA_HOME=$1
}
tine_find_jdk() {
  local candidate on_path
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/*; do
    tine_jdk_fits "$candidate" && return 0
  done
  # last, the java on the PATH: resolved only now, as it costs processes
  on_path=$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")
  tine_jdk_fits "${on_path%/bin/java}" && return 0
  echo "tine: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  return 1
}
