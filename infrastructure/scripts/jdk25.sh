# Sourced by ./dev and .ci/run: selects a JDK 25 and puts it first on the PATH.
# Order: JAVA_HOME when it is a JDK 25, then the Temurin package's path, then `java` on the PATH;
# otherwise a clear error. Maven uses JAVA_HOME, so it is exported too.
java_feature() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1
}

select_jdk25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 \
      /usr/lib/jvm/java-25-openjdk-amd64 "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] \
        && [ "$(java_feature "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "A JDK 25 is required (found none in JAVA_HOME, /usr/lib/jvm/temurin-25-jdk-amd64 or on the PATH)." >&2
  echo "Install one (e.g. Eclipse Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
