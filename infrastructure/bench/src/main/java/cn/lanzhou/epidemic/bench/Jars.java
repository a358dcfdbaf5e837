package cn.lanzhou.epidemic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** A deployment jar's size in bytes and the number of classes in it. */
record Jars(long bytes, int classes) {

    static Jars of(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            int classes = (int) zip.stream().filter(e -> e.getName().endsWith(".class")).count();
            return new Jars(Files.size(jar), classes);
        }
    }
}
