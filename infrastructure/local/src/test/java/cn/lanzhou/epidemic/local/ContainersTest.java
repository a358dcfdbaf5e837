package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.LambdaEnvironment;
import cn.lanzhou.epidemic.local.runtime.ContainerSpec;
import cn.lanzhou.epidemic.local.runtime.FunctionContainers;
import cn.lanzhou.epidemic.local.runtime.FunctionLogs;
import cn.lanzhou.epidemic.local.runtime.JvmOptions;
import cn.lanzhou.epidemic.local.runtime.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers started as the stack starts them, but running fixture functions from the test classes
 * (the class path is {@code target/test-classes} instead of a deployment jar): what a function sees,
 * the credentials endpoint, timeouts, init errors and the pool.
 */
class ContainersTest {
    private static final String FIXTURE = "cn.lanzhou.epidemic.local.fixture.";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CredentialsEndpoint credentials;
    private static Path taskRoot;
    private static String nativeLibrary;
    private static final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        credentials = new CredentialsEndpoint(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY, Clock.systemUTC(), false);
        taskRoot = Files.createTempDirectory("task-root");
        nativeLibrary = cn.lanzhou.epidemic.local.runtime.RuntimeNativeLibrary.unpack(
                LocalStack.runtimeInterfaceClient(LocalStack.findRepoRoot(Path.of("").toAbsolutePath())));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
        credentials.close();
    }

    private static ContainerSpec fixture(String handlerClass, Duration timeout, Map<String, String> templateVariables) throws Exception {
        Path root = LocalStack.findRepoRoot(Path.of("").toAbsolutePath());
        Template.Function function = new Template.Function("FixtureFunction", FIXTURE + handlerClass + "::handleRequest",
                "unused.jar", 256, (int) timeout.toSeconds(), templateVariables, List.of(), List.of(), false);
        URI nowhere = URI.create("http://127.0.0.1:9");
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> classPath = new ArrayList<>();
        classPath.add(Path.of("target/test-classes").toAbsolutePath());
        classPath.addAll(LocalStack.runtimeInterfaceClient(root));
        Map<String, String> env = LambdaEnvironment.of(function, LocalStack.REGION, taskRoot, taskRoot, javaHome,
                new LambdaEnvironment.Endpoints(nowhere, nowhere, nowhere, nowhere));
        return new ContainerSpec("FixtureFunction", "arn:aws:lambda:us-east-1:000000000000:function:FixtureFunction",
                function.handler(), javaHome.resolve("bin/java"), JvmOptions.forMemory(256, nativeLibrary), classPath, env, taskRoot, timeout);
    }

    private static FunctionContainers containers(ContainerSpec spec, int maximum) {
        FunctionContainers containers = new FunctionContainers(List.of(spec), maximum, credentials, new FunctionLogs());
        started.add(containers);
        return containers;
    }

    private static JsonNode answer(Outcome outcome) throws Exception {
        Outcome.Answer answer = assertInstanceOf(Outcome.Answer.class, outcome, () -> "not an answer: " + outcome);
        return LocalJson.MAPPER.readTree(answer.payload());
    }

    @Test
    void aFunctionSeesLambdasEnvironmentAndNothingElseNoAccessKeyAmongIt() throws Exception {
        FunctionContainers containers = containers(fixture("EnvironmentHandler", Duration.ofSeconds(20),
                Map.of("JAVA_TOOL_OPTIONS", "-Dfixture.option=on", "TABLE_NAME", "DataTable")), 1);

        JsonNode seen = answer(containers.invoke("FixtureFunction", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)));

        JsonNode env = seen.get("environment");
        Set<String> names = new TreeSet<>();
        env.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL_S3",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
                "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_REGION",
                "AWS_REQUEST_CHECKSUM_CALCULATION", "AWS_RESPONSE_CHECKSUM_VALIDATION", "JAVA_TOOL_OPTIONS", "LAMBDA_RUNTIME_DIR",
                "LAMBDA_TASK_ROOT", "LANG", "PATH", "TABLE_NAME", "TZ", "_HANDLER")), names);
        assertFalse(names.contains("AWS_ACCESS_KEY_ID") || names.contains("AWS_SECRET_ACCESS_KEY") || names.contains("AWS_SESSION_TOKEN"));
        assertEquals(List.of(), LocalJson.MAPPER.convertValue(seen.get("awsProperties"), List.class));
        assertEquals("FixtureFunction", env.get("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals("AWS_Lambda_java25", env.get("AWS_EXECUTION_ENV").asText());
        assertEquals(":UTC", env.get("TZ").asText());
        assertEquals("256", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
        assertEquals("FixtureFunction", seen.get("functionName").asText());
        assertTrue(seen.get("jvmArguments").toString().contains("-Dfixture.option=on"), "JAVA_TOOL_OPTIONS reach the JVM");
        assertTrue(seen.get("jvmArguments").toString().contains("-XX:+UseSerialGC"));
        int remaining = seen.get("remainingMillis").asInt();
        assertTrue(remaining > 15_000 && remaining <= 20_000, "the deadline is the timeout's: " + remaining);
        assertEquals(1, seen.get("input").get("hello").asInt());
        assertTrue(containers.logs().lines().contains("[FixtureFunction] fixture saw request " + seen.get("requestId").asText()),
                "the container's output is kept, prefixed with its function");

        // the token the container got is good at the credentials endpoint, another one is not
        String uri = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI").asText();
        HttpResponse<String> good = credentials(uri, env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN").asText());
        assertEquals(200, good.statusCode());
        JsonNode issued = LocalJson.MAPPER.readTree(good.body());
        assertEquals(LocalStack.ACCESS_KEY_ID, issued.get("AccessKeyId").asText());
        assertFalse(issued.get("Token").asText().isEmpty());
        assertTrue(Instant.parse(issued.get("Expiration").asText()).isAfter(Instant.now().plusSeconds(1800)));
        assertEquals(403, credentials(uri, "not-the-token").statusCode());
        assertEquals(401, credentials(uri, null).statusCode());
    }

    @Test
    void anEndpointToldToRefuseEveryTokenRefusesAValidOne() throws Exception {
        try (CredentialsEndpoint refusing = new CredentialsEndpoint("k", "s", Clock.systemUTC(), true)) {
            assertEquals(403, credentials(refusing.endpoint(), refusing.issueToken()).statusCode());
        }
    }

    @Test
    void pastItsTimeoutAContainerIsKilledAndTheNextRequestGetsAFreshOne() throws Exception {
        FunctionContainers containers = containers(fixture("SleepingHandler", Duration.ofSeconds(2), Map.of()), 1);
        long first = answer(containers.invoke("FixtureFunction", "{}".getBytes(StandardCharsets.UTF_8))).get("pid").asLong();
        assertEquals(first, answer(containers.invoke("FixtureFunction", "{}".getBytes(StandardCharsets.UTF_8))).get("pid").asLong(),
                "an idle container is reused");

        long before = System.nanoTime();
        Outcome timedOut = containers.invoke("FixtureFunction", "{\"sleepMillis\":30000}".getBytes(StandardCharsets.UTF_8));
        long tookMillis = (System.nanoTime() - before) / 1_000_000;

        Outcome.Failure failure = assertInstanceOf(Outcome.Failure.class, timedOut);
        assertEquals("Sandbox.Timedout", failure.errorType());
        assertTrue(tookMillis >= 1_900 && tookMillis < 6_000, "ended at the timeout: " + tookMillis + " ms");
        assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false), "the container process is killed");
        long fresh = answer(containers.invoke("FixtureFunction", "{}".getBytes(StandardCharsets.UTF_8))).get("pid").asLong();
        assertNotEquals(first, fresh);
    }

    @Test
    void aRouteWhoseFunctionTimesOutAnswersApiGateways500() throws Exception {
        FunctionContainers containers = containers(fixture("SleepingHandler", Duration.ofSeconds(1), Map.of()), 1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.createContext("/", new ApiGatewayEmulator(new Routes(List.of(new Template.Route("FixtureFunction", "GET", "/sleep", false))),
                containers, new JwtVerifier(Tokens.secret(), Clock.systemUTC()),
                new Cors(List.of(), new Template.Cors(List.of("GET"), List.of(), List.of(), 0)),
                new StaticFiles(Files.createTempDirectory("web")), Clock.systemUTC()));
        server.start();
        started.add(() -> server.stop(0));
        Api api = new Api(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

        Api.Response quick = api.get("/sleep");
        Api.Response slow = api.get("/sleep?sleepMillis=5000");

        assertEquals(200, quick.status());
        assertEquals(500, slow.status());
        assertEquals("{\"message\":\"Internal Server Error\"}", slow.body());
        assertTrue(slow.header("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void aFunctionWhoseConstructorFailsIsAnInitErrorNotAnAnswer() throws Exception {
        FunctionContainers containers = containers(fixture("FailingInitHandler", Duration.ofSeconds(5), Map.of()), 1);

        Outcome outcome = containers.invoke("FixtureFunction", "{}".getBytes(StandardCharsets.UTF_8));

        Outcome.Failure failure = assertInstanceOf(Outcome.Failure.class, outcome);
        assertTrue(failure.errorJson().contains("no credentials at init"), failure.errorJson());
    }

    @Test
    void concurrentRequestsGrowThePoolUpToItsMaximum() throws Exception {
        FunctionContainers containers = containers(fixture("SleepingHandler", Duration.ofSeconds(20), Map.of()), 2);
        byte[] slow = "{\"sleepMillis\":1500}".getBytes(StandardCharsets.UTF_8);
        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return containers.invoke("FixtureFunction", slow);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Set<Long> pids = new TreeSet<>();
        for (CompletableFuture<Outcome> call : calls) {
            pids.add(answer(call.get()).get("pid").asLong());
        }
        assertEquals(2, pids.size(), "two containers served three concurrent requests");
    }

    private static HttpResponse<String> credentials(String uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (token != null) {
            request.header("Authorization", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
