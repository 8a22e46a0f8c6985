# Sourced by ./tine and ./test: sets TINE_JAVA_HOME to a JDK >= 21 (JAVA_HOME first, then the
# usual install places), because Truffle 25 does not run on older JDKs.
tine_java_version() { # prints the feature version of the JDK in $1, or nothing
  if [ -f "$1/release" ]; then # cheap: no JVM start
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
  fi
}
tine_find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$(tine_java_version "$candidate")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      TINE_JAVA_HOME=$candidate
      return 0
    fi
  done
  echo "tine: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
  return 1
}
