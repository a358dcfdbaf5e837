package cn.lanzhou.epidemic.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test CA and a server certificate for 127.0.0.1 and localhost, so that dynalite and S3Proxy serve
 * HTTPS as DynamoDB and S3 do in AWS. Made with the openssl and keytool commands (nothing of the TLS
 * is ours); a JVM that talks to the stack trusts the CA through {@link #trustOptions()}: a PKCS12
 * trust store holding only that CA.
 */
public record LocalTls(Path caPem, Path serverKeyPem, Path serverCertPem, Path keyStore, Path trustStore, String password) {
    private static final String PASSWORD = "local-test";

    /** Makes a CA and a server certificate valid two days under {@code dir}. */
    public static LocalTls generate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path ext = dir.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n", StandardCharsets.US_ASCII);
        LocalTls tls = new LocalTls(dir.resolve("ca.pem"), dir.resolve("server-key.pem"), dir.resolve("server.pem"),
                dir.resolve("server.p12"), dir.resolve("truststore.p12"), PASSWORD);
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=local test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server-key.pem", "-out", "server.csr",
                "-subj", "/CN=localhost");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
        run(dir, "openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server-key.pem", "-name", "server",
                "-out", "server.p12", "-passout", "pass:" + PASSWORD);
        run(dir, Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert", "-noprompt",
                "-alias", "local-test-ca", "-file", "ca.pem", "-keystore", "truststore.p12", "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        return tls;
    }

    /** The JVM options that make a JVM trust the test CA (and only it). */
    public List<String> trustOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + password,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    /** The same for this JVM; call before anything here opens a TLS connection. */
    public void trustInThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", password);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
