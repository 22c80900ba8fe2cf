# Sourced by ./tollgate and ./mvnw: makes JAVA_HOME point at a JDK 21+.
# Keeps a JAVA_HOME that is already 21+, else looks in the usual places (Temurin 25 sits
# beside the default OpenJDK 17 on our build machines) and stops with a clear message.

tollgate_java_feature() { # prints the feature release of the JDK in $1, e.g. 25
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

tollgate_find_jdk() {
  local candidate feature noglob=
  case $- in *f*) noglob=1; set +f ;; esac # mvnw runs with globbing off
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/temurin-2[1-9]-jdk* \
      /usr/lib/jvm/*-2[1-9]-* /usr/lib/jvm/jdk-2[1-9]* /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    feature=$(tollgate_java_feature "$candidate") || continue
    if [ -n "$feature" ] && [ "$feature" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      [ -z "$noglob" ] || set -f
      return 0
    fi
  done
  echo "Tollgate needs a JDK 21 or newer (found none in JAVA_HOME or /usr/lib/jvm)." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to its folder." >&2
  return 1
}

tollgate_find_jdk || exit 1
