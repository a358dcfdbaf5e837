package cn.lanzhou.epidemic.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Everything the test JVM writes to {@code System.out} and {@code System.err}, teed into a file
 * (still printed as before) from the moment the JUnit launcher session opens, before any test class
 * or function is loaded: the personal-data scan reads it at the end of the run.
 */
public final class OutputCapture {
    private static final Object LOCK = new Object();
    private static Path file;
    private static OutputStream sink;

    private OutputCapture() {
    }

    /** Installs the tee once; later calls do nothing. */
    public static void install() {
        synchronized (LOCK) {
            if (sink != null) {
                return;
            }
            try {
                Path dir = Path.of("target");
                Files.createDirectories(dir);
                file = dir.resolve("test-console-capture.log");
                sink = Files.newOutputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setOut(tee(System.out));
            System.setErr(tee(System.err));
        }
    }

    /** Whether the tee is in place (it is whenever the run was started through the JUnit launcher). */
    public static boolean installed() {
        synchronized (LOCK) {
            return sink != null;
        }
    }

    /** All that was written so far, decoded as UTF-8. */
    public static String captured() {
        synchronized (LOCK) {
            if (sink == null) {
                return "";
            }
            try {
                sink.flush();
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static PrintStream tee(PrintStream original) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                synchronized (LOCK) {
                    sink.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                synchronized (LOCK) {
                    sink.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                synchronized (LOCK) {
                    sink.flush();
                }
                original.flush();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }

    /** Registered in META-INF/services: installs the tee when the launcher session opens. */
    public static final class Listener implements LauncherSessionListener {
        @Override
        public void launcherSessionOpened(LauncherSession session) {
            install();
        }
    }
}
