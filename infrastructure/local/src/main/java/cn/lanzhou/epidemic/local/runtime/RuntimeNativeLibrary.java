package cn.lanzhou.epidemic.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * The runtime interface client's JNI library, unpacked once per stack. Left to itself the client
 * unpacks it to the fixed path {@code /tmp/.libaws-lambda-jni.so} at every start: in Lambda each
 * sandbox has a /tmp of its own, here the containers share one, and a container writing the file
 * while another maps it crashes the other (SIGBUS). The client loads the file its system property
 * names instead, which every container is given.
 */
public final class RuntimeNativeLibrary {
    public static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeNativeLibrary() {
    }

    /** Unpacks the library for this machine from the client's jars into a folder of its own; the JVM option that names it. */
    public static String unpack(List<Path> runtimeClientJars) throws IOException {
        String entry = "jni/libaws-lambda-jni." + platform() + ".so";
        for (Path jar : runtimeClientJars) {
            if (!jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                var found = zip.getEntry(entry);
                if (found == null) {
                    throw new IllegalStateException("the runtime interface client has no " + entry);
                }
                Path dir = Files.createTempDirectory("local-lambda-jni");
                Path library = dir.resolve("libaws-lambda-jni.so");
                try (InputStream in = zip.getInputStream(found)) {
                    Files.copy(in, library);
                }
                library.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return "-D" + PROPERTY + "=" + library;
            }
        }
        throw new IllegalStateException("no runtime interface client jar among " + runtimeClientJars);
    }

    private static String platform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        return (musl ? "linux_musl-" : "linux-") + (arm ? "aarch_64" : "x86_64");
    }
}
