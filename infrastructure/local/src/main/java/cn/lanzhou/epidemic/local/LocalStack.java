package cn.lanzhou.epidemic.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The whole system on one machine, as template.yaml deploys it to AWS: the functions behind an
 * API Gateway emulation, dynalite for DynamoDB, S3Proxy for S3, the schedules and the web forms.
 * {@code ./dev up} runs it through {@link Main}; tests start it with {@code LocalStackExtension}.
 */
public final class LocalStack implements AutoCloseable {
    /** S3Proxy refuses buckets with a location constraint, which the SDK sends for any other region. */
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "local-access-key";
    public static final String SECRET_ACCESS_KEY = "local-secret-key";
    private static final int HTTP_THREADS = 32;

    private final List<AutoCloseable> resources;
    private final HttpServer server;
    private final URI baseUrl;
    private final URI dynamoDbEndpoint;
    private final URI s3Endpoint;
    private final Template template;
    private final Dynalite dynalite;
    private final Map<String, String> replacedProperties;

    private LocalStack(List<AutoCloseable> resources, HttpServer server, URI baseUrl, URI dynamoDbEndpoint, URI s3Endpoint,
            Template template, Dynalite dynalite, Map<String, String> replacedProperties) {
        this.resources = resources;
        this.server = server;
        this.baseUrl = baseUrl;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.template = template;
        this.dynalite = dynalite;
        this.replacedProperties = replacedProperties;
    }

    /** How to start the stack; by default in memory, on a free port, the repository found upwards from here. */
    public static final class Options {
        private int port;
        private Path dataDir;
        private Path repoRoot;
        private URI externalDynamoDb;
        private URI externalS3;
        private UnaryOperator<URI> dynamoDbForFunctions = UnaryOperator.identity();
        private UnaryOperator<URI> s3ForFunctions = UnaryOperator.identity();
        private Function<Template.Function, RequestHandler<?, ?>> handlers = Functions.fromClassPath();

        public static Options inMemory() {
            return new Options();
        }

        /** Data kept under {@code dataDir} ({@code dynamodb/}, {@code s3/}) across restarts. */
        public static Options persistent(Path dataDir) {
            Options options = new Options();
            options.dataDir = Objects.requireNonNull(dataDir);
            return options;
        }

        /** 0 (the default) takes a free port. */
        public Options port(int port) {
            this.port = port;
            return this;
        }

        public Options repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Use a DynamoDB API elsewhere (LocalStack in a container) instead of starting dynalite. */
        public Options externalDynamoDb(URI endpoint) {
            this.externalDynamoDb = endpoint;
            return this;
        }

        /** Use an S3 API elsewhere instead of starting S3Proxy; it must accept the local keys. */
        public Options externalS3(URI endpoint) {
            this.externalS3 = endpoint;
            return this;
        }

        /**
         * The DynamoDB and S3 endpoints the functions are given, from the real ones (the stack itself
         * and {@link #dynamoDbEndpoint()} keep the real ones): for a fault-injecting proxy in between.
         */
        public Options functionEndpoints(UnaryOperator<URI> dynamoDb, UnaryOperator<URI> s3) {
            this.dynamoDbForFunctions = Objects.requireNonNull(dynamoDb);
            this.s3ForFunctions = Objects.requireNonNull(s3);
            return this;
        }

        Options handlers(Function<Template.Function, RequestHandler<?, ?>> handlers) {
            this.handlers = handlers;
            return this;
        }
    }

    public static LocalStack start(Options options) throws Exception {
        Path root = options.repoRoot != null ? options.repoRoot : findRepoRoot(Path.of("").toAbsolutePath());
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // S3Proxy's Jetty and jclouds are chatty at INFO
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Template template = TemplateReader.read(root.resolve("template.yaml"), REGION);
        List<AutoCloseable> resources = new ArrayList<>();
        Map<String, String> replaced = new HashMap<>();
        try {
            Dynalite dynalite = null;
            URI dynamoDb = options.externalDynamoDb;
            if (dynamoDb == null) {
                dynalite = Dynalite.start(root.resolve("infrastructure/local"),
                        options.dataDir == null ? null : options.dataDir.resolve("dynamodb"));
                resources.add(dynalite);
                dynamoDb = dynalite.endpoint();
            }
            URI s3 = options.externalS3;
            if (s3 == null) {
                S3Server s3Server = S3Server.start(options.dataDir == null ? null : options.dataDir.resolve("s3"),
                        ACCESS_KEY_ID, SECRET_ACCESS_KEY);
                resources.add(s3Server);
                s3 = s3Server.endpoint();
            }

            HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", options.port), 128);
            resources.add(() -> server.stop(0));
            int port = server.getAddress().getPort();
            URI baseUrl = URI.create("http://localhost:" + port);

            // before any handler class is loaded: common's Env reads system properties when the variable is absent
            Map<String, String> properties = environment(template, options.dynamoDbForFunctions.apply(dynamoDb),
                    options.s3ForFunctions.apply(s3), baseUrl);
            properties.forEach((name, value) -> replaced.put(name, System.setProperty(name, value)));

            LocalResources.create(template, dynamoDb, s3);

            Clock clock = Clock.systemUTC();
            Functions functions = new Functions(template.functions(), REGION, options.handlers);
            ExecutorService background = Executors.newCachedThreadPool(daemon("lambda-async"));
            resources.add(background::shutdownNow);
            ExecutorService http = Executors.newFixedThreadPool(HTTP_THREADS, daemon("local-http"));
            resources.add(http::shutdownNow);
            ApiGatewayEmulator gateway = new ApiGatewayEmulator(new Routes(template.routes()), functions,
                    new JwtVerifier(Tokens.secret(), clock), new Cors(Cors.originsFromEnvironment(port), template.cors()),
                    new LambdaInvokeEmulator(functions, background), new StaticFiles(root.resolve("infrastructure/web")), clock);
            server.createContext("/", gateway);
            server.setExecutor(http);
            server.start();

            Scheduler scheduler = new Scheduler(functions, clock, REGION);
            resources.add(scheduler);
            scheduler.start(template.schedules());
            return new LocalStack(resources, server, baseUrl, dynamoDb, s3, template, dynalite, replaced);
        } catch (Exception | Error e) {
            closeAll(resources);
            restore(replaced);
            throw e;
        }
    }

    /** Every function's resolved environment (one JVM holds them all) and the local endpoints. */
    static Map<String, String> environment(Template template, URI dynamoDb, URI s3, URI baseUrl) {
        Map<String, String> properties = new TreeMap<>();
        for (Template.Function function : template.functions()) {
            function.environment().forEach((name, value) -> {
                String previous = properties.put(name, value);
                if (previous != null && !previous.equals(value)) {
                    System.err.println("[local] " + name + " differs between functions; using " + value);
                }
            });
        }
        properties.putAll(endpoints(dynamoDb, s3, baseUrl));
        return properties;
    }

    /** The local endpoints and fixed credentials every function is given. */
    private static Map<String, String> endpoints(URI dynamoDb, URI s3, URI baseUrl) {
        Map<String, String> env = new TreeMap<>();
        env.put("DYNAMODB_ENDPOINT", dynamoDb.toString());
        env.put("S3_ENDPOINT", s3.toString());
        env.put("LAMBDA_ENDPOINT", baseUrl.toString());
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("LOCAL_STACK", "true");
        return env;
    }

    /** The folder holding template.yaml, from {@code start} upwards. */
    public static Path findRepoRoot(Path start) {
        String configured = System.getProperty("local.repoRoot");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no template.yaml in " + start + " or above");
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** A fresh staff token (sub {@value Tokens#STAFF_SUB}, group staff, 12 hours). */
    public String staffToken() {
        return Tokens.staff();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public Template template() {
        return template;
    }

    /**
     * What one function's process would see as its environment here: its template variables,
     * resolved, and the local endpoints and credentials (for running a function in a JVM of its own,
     * as the cold-start benchmark does).
     */
    public Map<String, String> processEnvironment(String functionId) {
        Template.Function function = template.function(functionId)
                .orElseThrow(() -> new IllegalArgumentException("no function " + functionId));
        Map<String, String> env = new TreeMap<>(function.environment());
        env.putAll(endpoints(dynamoDbEndpoint, s3Endpoint, baseUrl));
        return env;
    }

    /** The dynalite process id, or -1 when DynamoDB is external. */
    public long dynamoDbPid() {
        return dynalite == null ? -1 : dynalite.pid();
    }

    /** Stops everything it started, in reverse order, and restores the system properties it replaced. */
    @Override
    public void close() {
        closeAll(resources);
        restore(replacedProperties);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("[local] while stopping: " + e);
            }
        }
        resources.clear();
    }

    private static void restore(Map<String, String> replaced) {
        replaced.forEach((name, previous) -> {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        });
        replaced.clear();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    HttpServer server() {
        return server;
    }
}
