package cn.lanzhou.epidemic.local.runtime;

import java.util.List;

/**
 * The JVM options of the managed Java runtime, as far as they are known: AWS does not publish its
 * command line, but the java runtimes' bootstrap is widely reported to size the heap, metaspace and
 * code cache as 85 %, 10 % and 5 % of the function's memory, with the serial collector and class data
 * sharing. The template's {@code JAVA_TOOL_OPTIONS} come on top, read by the JVM from the environment
 * as in Lambda.
 */
public final class JvmOptions {
    private JvmOptions() {
    }

    /** For a function of {@code memorySizeMb}, plus the option naming the client's unpacked JNI library. */
    public static List<String> forMemory(int memorySizeMb, String nativeLibraryOption) {
        long kib = memorySizeMb * 1024L;
        return List.of(
                "-XX:MaxHeapSize=" + kib * 85 / 100 + "k",
                "-XX:MaxMetaspaceSize=" + kib * 10 / 100 + "k",
                "-XX:ReservedCodeCacheSize=" + kib * 5 / 100 + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true",
                // the runtime interface client loads its JNI part with System.load
                "--enable-native-access=ALL-UNNAMED",
                // org.crac's hooks through the runtime client's own implementation, which runs them
                // around the SnapStart checkpoint (the managed runtime's JDK has no jdk.crac)
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                nativeLibraryOption);
    }
}
