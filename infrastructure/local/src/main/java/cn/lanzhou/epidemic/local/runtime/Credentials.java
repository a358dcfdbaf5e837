package cn.lanzhou.epidemic.local.runtime;

/** Issues the token a container presents to the container-credentials endpoint, and takes it back. */
public interface Credentials {
    /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    String endpoint();

    /** A new random token ({@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), valid until revoked. */
    String issueToken();

    void revoke(String token);
}
