package cn.lanzhou.epidemic.local;

/**
 * The names TemplateReader gives the template's resources locally (a table is named by its logical id,
 * a bucket by its id in kebab case), for tests that read the stores directly: the functions get them
 * as environment variables of their containers, which this JVM does not share.
 */
public final class LocalNames {
    public static final String TABLE = "DataTable";
    public static final String REPORTS_BUCKET = "reports-bucket";
    /** A SigV4 {@code Authorization} header naming the local key: the local Lambda endpoint checks only the key. */

    private LocalNames() {
    }
}
