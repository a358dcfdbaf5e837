package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.local.Template;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment variables Lambda gives a function's containers, and nothing more: the template's
 * variables (Globals merged, resolved to local names) and the reserved variables of the java25
 * runtime. The only local additions are the SDK's standard endpoint variables for the local services
 * and the two checksum settings S3Proxy needs. Per-container variables (the Runtime API address, the
 * credentials token, the log stream) are added by {@link Container}.
 */
public final class LambdaEnvironment {
    static final String EXECUTION_ENV = "AWS_Lambda_java25";

    /** The local services, as the functions reach them. */
    public record Endpoints(URI dynamoDb, URI s3, URI lambda, URI secretsManager) {
    }

    private LambdaEnvironment() {
    }

    public static Map<String, String> of(Template.Function function, String region, Path taskRoot, Path runtimeDir,
            Path javaHome, Endpoints endpoints) {
        Map<String, String> env = new TreeMap<>(function.environment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.id());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        // AutoPublishAlias: the alias points at a published version, here always the first
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.id());
        // with SnapStart the runtime client runs the beforeCheckpoint hooks after init, asks /restore/next
        // and runs the afterRestore hooks: the local Runtime API restores at once (no snapshot is taken)
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", function.snapStart() ? "snap-start" : "on-demand");
        env.put("AWS_EXECUTION_ENV", EXECUTION_ENV);
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        env.put("_HANDLER", function.handler());
        env.put("TZ", ":UTC");
        // Lambda sets en_US.UTF-8, a locale this machine may not have: without it the JVM would read
        // the environment as ASCII and a template value such as HIGH_RISK_REGIONS (湖北) as '??'.
        // C.UTF-8 is glibc's built-in UTF-8 locale and decodes the same
        env.put("LANG", "C.UTF-8");
        env.put("PATH", javaHome.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.putAll(localAdditions(endpoints));
        return env;
    }

    /** What only the local stack adds: where the services are, and no trailing checksums (S3Proxy refuses them). */
    static Map<String, String> localAdditions(Endpoints endpoints) {
        return Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString(),
                "AWS_ENDPOINT_URL_S3", endpoints.s3().toString(),
                "AWS_ENDPOINT_URL_LAMBDA", endpoints.lambda().toString(),
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.secretsManager().toString(),
                "AWS_REQUEST_CHECKSUM_CALCULATION", "when_required",
                "AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
    }
}
