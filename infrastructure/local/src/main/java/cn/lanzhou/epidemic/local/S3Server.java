package cn.lanzhou.epidemic.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The S3 API: S3Proxy in this JVM over a jclouds blob store (a folder, or memory). It checks AWS
 * signatures with the fixed local key, so presigned URLs are really verified, as S3 does.
 */
record S3Server(S3Proxy proxy, BlobStoreContext context, URI endpoint) implements AutoCloseable {

    /** {@code dataDir} null means in memory (jclouds' {@code transient} store); {@code tls} null plain HTTP. */
    static S3Server start(Path dataDir, String accessKey, String secretKey, LocalTls tls) throws Exception {
        Properties properties = new Properties();
        ContextBuilder builder;
        if (dataDir == null) {
            builder = ContextBuilder.newBuilder("transient");
        } else {
            Files.createDirectories(dataDir);
            properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
            builder = ContextBuilder.newBuilder("filesystem");
        }
        BlobStoreContext context = builder.credentials(accessKey, secretKey).overrides(properties).build(BlobStoreContext.class);
        int port = Dynalite.freePort();
        URI endpoint = URI.create((tls != null ? "https" : "http") + "://127.0.0.1:" + port);
        S3Proxy.Builder proxyBuilder = S3Proxy.builder().blobStore(context.getBlobStore());
        if (tls != null) {
            proxyBuilder.secureEndpoint(endpoint).keyStore(tls.keyStore().toString(), tls.password());
        } else {
            proxyBuilder.endpoint(endpoint);
        }
        S3Proxy proxy = proxyBuilder
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .jettyMaxThreads(32)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return new S3Server(proxy, context, endpoint);
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IOException("S3Proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
