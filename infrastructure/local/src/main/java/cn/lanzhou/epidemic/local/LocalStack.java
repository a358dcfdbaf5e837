package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.local.LambdaEnvironment;
import cn.lanzhou.epidemic.local.runtime.ContainerSpec;
import cn.lanzhou.epidemic.local.runtime.FunctionContainers;
import cn.lanzhou.epidemic.local.runtime.FunctionLogs;
import cn.lanzhou.epidemic.local.runtime.JvmOptions;
import cn.lanzhou.epidemic.local.runtime.RuntimeNativeLibrary;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The whole system on one machine, as template.yaml deploys it to AWS: each function in containers
 * of its own (a JVM per container, through Lambda's runtime interface client) behind an API Gateway
 * emulation, dynalite for DynamoDB, S3Proxy for S3, the credentials, Secrets Manager and Lambda
 * endpoints the functions use, the schedules and the web forms. {@code ./dev up} runs it through
 * {@link Main}; tests start it with {@code LocalStackExtension}.
 */
public final class LocalStack implements AutoCloseable {
    /** S3Proxy refuses buckets with a location constraint, which the SDK sends for any other region. */
    public static final String REGION = "us-east-1";
    /** The one key pair S3Proxy knows; the credentials endpoint hands it out with a session token. */
    public static final String ACCESS_KEY_ID = "local-access-key";
    public static final String SECRET_ACCESS_KEY = "local-secret-key";
    private static final int HTTP_THREADS = 32;

    private final List<AutoCloseable> resources;
    private final URI baseUrl;
    private final URI dynamoDbEndpoint;
    private final URI s3Endpoint;
    private final Template template;
    private final Dynalite dynalite;
    private final FunctionContainers functions;
    private final Map<String, ContainerSpec> specs;
    private final CredentialsEndpoint credentials;
    private final URI lambdaEndpoint;
    private final OidcProvider oidc;

    private LocalStack(List<AutoCloseable> resources, URI baseUrl, URI dynamoDbEndpoint, URI s3Endpoint, Template template,
            Dynalite dynalite, FunctionContainers functions, Map<String, ContainerSpec> specs, CredentialsEndpoint credentials,
            URI lambdaEndpoint, OidcProvider oidc) {
        this.resources = resources;
        this.baseUrl = baseUrl;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.template = template;
        this.dynalite = dynalite;
        this.functions = functions;
        this.specs = specs;
        this.credentials = credentials;
        this.lambdaEndpoint = lambdaEndpoint;
        this.oidc = oidc;
    }

    /** How to start the stack; by default in memory, on a free port of 127.0.0.1, the repository found upwards from here. */
    public static final class Options {
        private int port;
        private String host = "127.0.0.1";
        private Path dataDir;
        private Path repoRoot;
        private URI externalDynamoDb;
        private URI externalS3;
        private UnaryOperator<URI> dynamoDbForFunctions = UnaryOperator.identity();
        private UnaryOperator<URI> s3ForFunctions = UnaryOperator.identity();
        private int containersPerFunction = FunctionContainers.DEFAULT_MAXIMUM;
        private boolean refuseCredentials;
        private LocalTls tls;
        private UnaryOperator<ContainerSpec> containers = UnaryOperator.identity();

        public static Options inMemory() {
            return new Options();
        }

        /** Data kept under {@code dataDir} ({@code dynamodb/}, {@code s3/}, {@code secrets/}) across restarts. */
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

        /** The address the API listens on; the other endpoints stay on loopback. */
        public Options host(String host) {
            this.host = Objects.requireNonNull(host);
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
         * The DynamoDB and S3 endpoints the functions are given ({@code AWS_ENDPOINT_URL_DYNAMODB},
         * {@code AWS_ENDPOINT_URL_S3}), from the real ones (the stack itself and {@link #dynamoDbEndpoint()}
         * keep the real ones): for a fault-injecting proxy in between.
         */
        public Options functionEndpoints(UnaryOperator<URI> dynamoDb, UnaryOperator<URI> s3) {
            this.dynamoDbForFunctions = Objects.requireNonNull(dynamoDb);
            this.s3ForFunctions = Objects.requireNonNull(s3);
            return this;
        }

        /** At most this many containers (JVMs) per function at once; default {@value FunctionContainers#DEFAULT_MAXIMUM}. */
        public Options containersPerFunction(int maximum) {
            if (maximum < 1) {
                throw new IllegalArgumentException("at least one container per function");
            }
            this.containersPerFunction = maximum;
            return this;
        }

        /**
         * DynamoDB and S3 over HTTPS with this certificate, as in AWS; the containers trust its CA. The
         * JVM that starts the stack must trust it too ({@link LocalTls#trustInThisJvm()}).
         */
        public Options tls(LocalTls tls) {
            this.tls = Objects.requireNonNull(tls);
            return this;
        }

        /** Changes how each function's containers start (the benchmark: another memory size, a CPU quota). */
        public Options containers(UnaryOperator<ContainerSpec> change) {
            this.containers = Objects.requireNonNull(change);
            return this;
        }

        /** The credentials endpoint refuses every token: for tests of a function that gets no credentials. */
        public Options refuseCredentials() {
            this.refuseCredentials = true;
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
        try {
            Dynalite dynalite = null;
            URI dynamoDb = options.externalDynamoDb;
            if (dynamoDb == null) {
                dynalite = Dynalite.start(root.resolve("infrastructure/local"),
                        options.dataDir == null ? null : options.dataDir.resolve("dynamodb"), options.tls);
                resources.add(dynalite);
                dynamoDb = dynalite.endpoint();
            }
            URI s3 = options.externalS3;
            if (s3 == null) {
                S3Server s3Server = S3Server.start(options.dataDir == null ? null : options.dataDir.resolve("s3"),
                        ACCESS_KEY_ID, SECRET_ACCESS_KEY, options.tls);
                resources.add(s3Server);
                s3 = s3Server.endpoint();
            }
            LocalResources.create(template, dynamoDb, s3);

            Clock clock = Clock.systemUTC();
            CredentialsEndpoint credentials = new CredentialsEndpoint(ACCESS_KEY_ID, SECRET_ACCESS_KEY, clock, options.refuseCredentials);
            resources.add(credentials);
            SecretsManagerEndpoint secrets = new SecretsManagerEndpoint(template.secrets(),
                    options.dataDir == null ? null : options.dataDir.resolve("secrets"), System::getenv, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
            resources.add(secrets);
            ExecutorService background = Executors.newCachedThreadPool(daemon("lambda-async"));
            resources.add(background::shutdownNow);
            LambdaInvokeEmulator lambda = new LambdaInvokeEmulator(background, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
            resources.add(lambda);

            LambdaEnvironment.Endpoints endpoints = new LambdaEnvironment.Endpoints(options.dynamoDbForFunctions.apply(dynamoDb),
                    options.s3ForFunctions.apply(s3), lambda.endpoint(), secrets.endpoint());
            Map<String, ContainerSpec> specs = new TreeMap<>();
            for (ContainerSpec spec : specs(template, root, endpoints).values()) {
                if (options.tls != null) {
                    List<String> jvmOptions = new ArrayList<>(spec.jvmOptions());
                    jvmOptions.addAll(options.tls.trustOptions());
                    spec = new ContainerSpec(spec.functionId(), spec.functionArn(), spec.handler(), spec.java(), jvmOptions,
                            spec.classPath(), spec.environment(), spec.taskRoot(), spec.timeout());
                }
                specs.put(spec.functionId(), options.containers.apply(spec));
            }
            FunctionContainers functions = new FunctionContainers(List.copyOf(specs.values()), options.containersPerFunction,
                    credentials, new FunctionLogs());
            resources.add(functions);
            lambda.start(functions);

            // the JDK server on a loopback port of its own, behind the edge that refuses what API Gateway refuses
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            resources.add(() -> server.stop(0));
            GatewayEdge edge = GatewayEdge.open(options.host, options.port, server.getAddress());
            resources.add(edge);
            int port = edge.port();
            URI baseUrl = URI.create("http://localhost:" + port);
            // staff sign in at the provider and come back to the console, under either loopback name
            OidcProvider oidc = OidcProvider.start(root.resolve("infrastructure/local"),
                    List.of(baseUrl.resolve("/staff.html"), URI.create("http://127.0.0.1:" + port + "/staff.html")));
            resources.add(oidc);
            ExecutorService http = Executors.newFixedThreadPool(HTTP_THREADS, daemon("local-http"));
            resources.add(http::shutdownNow);
            String configJs = StaticFiles.configJs("", oidc.issuer(), OidcProvider.CLIENT_ID, OidcProvider.SCOPE);
            server.createContext("/", new ApiGatewayEmulator(new Routes(template.routes()), functions,
                    new JwtVerifier(Tokens.secret(), oidc.issuer(), OidcProvider.CLIENT_ID, oidc.jwksUri(), clock),
                    new Cors(Cors.originsFromEnvironment(port), template.cors()),
                    new StaticFiles(root.resolve("infrastructure/web"), configJs, List.of(oidc.origin())), clock));
            server.setExecutor(http);
            server.start();

            Scheduler scheduler = new Scheduler(functions, clock, REGION);
            resources.add(scheduler);
            scheduler.start(template.schedules());
            return new LocalStack(resources, baseUrl, dynamoDb, s3, template, dynalite, functions, specs, credentials, lambda.endpoint(), oidc);
        } catch (Exception | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    /** How each function's containers start: its deployment jar, then the runtime interface client, on the JDK running here. */
    static Map<String, ContainerSpec> specs(Template template, Path root, LambdaEnvironment.Endpoints endpoints) throws IOException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path java = javaHome.resolve("bin/java");
        List<Path> runtimeClient = runtimeInterfaceClient(root);
        Path runtimeDir = runtimeClient.getFirst().getParent();
        String nativeLibrary = RuntimeNativeLibrary.unpack(runtimeClient);
        Map<String, ContainerSpec> specs = new TreeMap<>();
        for (Template.Function function : template.functions()) {
            Path jar = root.resolve(function.codeUri());
            if (!Files.isRegularFile(jar)) {
                System.err.println("[local] " + function.id() + ": no deployment jar at " + jar + " (build it: mvn package)");
            }
            // as /var/task holds the code in Lambda: the working directory and LAMBDA_TASK_ROOT
            Path taskRoot = jar.getParent();
            Files.createDirectories(taskRoot);
            List<Path> classPath = new ArrayList<>();
            classPath.add(jar);
            classPath.addAll(runtimeClient);
            Map<String, String> env = LambdaEnvironment.of(function, REGION, taskRoot, runtimeDir, javaHome, endpoints);
            specs.put(function.id(), new ContainerSpec(function.id(),
                    "arn:aws:lambda:" + REGION + ":" + TemplateReader.ACCOUNT_ID + ":function:" + function.id(),
                    function.handler(), java, JvmOptions.forMemory(function.memorySizeMb(), nativeLibrary),
                    classPath, env, taskRoot, Duration.ofSeconds(function.timeoutSeconds())));
        }
        return specs;
    }

    /** The runtime interface client's jars, as the build resolved them (infrastructure/lambda-runtime). */
    static List<Path> runtimeInterfaceClient(Path root) throws IOException {
        Path file = root.resolve("infrastructure/lambda-runtime/target/classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": build first (mvn -DskipTests package -pl infrastructure/local -am)");
        }
        return Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
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

    /** The local OpenID Connect provider staff sign in at (client {@value OidcProvider#CLIENT_ID}). */
    public OidcProvider oidcProvider() {
        return oidc;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    /** Lambda's Invoke API (loopback only; requests must be signed with {@link #ACCESS_KEY_ID}). */
    public URI lambdaEndpoint() {
        return lambdaEndpoint;
    }

    public Template template() {
        return template;
    }

    /** How the function's containers start (command, environment, timeout). */
    public ContainerSpec containerSpec(String functionId) {
        ContainerSpec spec = specs.get(functionId);
        if (spec == null) {
            throw new IllegalArgumentException("no function " + functionId);
        }
        return spec;
    }

    /**
     * What a container of the function gets as its environment, with a credentials token of its own
     * (valid while the stack runs) but no Runtime API: for running the function in a JVM of one's own,
     * as the cold-start benchmark does.
     */
    public Map<String, String> processEnvironment(String functionId) {
        Map<String, String> env = new TreeMap<>(containerSpec(functionId).environment());
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.endpoint());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", credentials.issueToken());
        return env;
    }

    /** Every line the functions' containers wrote so far, each with its function's name in front. */
    public List<String> functionLogs() {
        return functions.logs().lines();
    }

    FunctionContainers functions() {
        return functions;
    }

    /** The dynalite process id, or -1 when DynamoDB is external. */
    public long dynamoDbPid() {
        return dynalite == null ? -1 : dynalite.pid();
    }

    /** Stops everything it started, containers and dynalite included, in reverse order. */
    @Override
    public void close() {
        closeAll(resources);
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

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
