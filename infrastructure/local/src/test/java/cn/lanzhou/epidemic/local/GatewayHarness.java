package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.local.runtime.FunctionInvoker;
import cn.lanzhou.epidemic.local.runtime.Outcome;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The gateway of the real template in front of recording functions instead of containers, with no
 * DynamoDB or S3 behind it: for tests of the JSON that reaches a function and of how its JSON answer
 * comes back. RegistrationFunction fails; SummaryFunction answers a plain JSON object, as an invoked
 * function does. The Lambda Invoke API runs on its own port, as in the stack.
 */
final class GatewayHarness implements FunctionInvoker, AutoCloseable {

    final BlockingQueue<APIGatewayV2HTTPEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<String> rawEvents = new LinkedBlockingQueue<>();
    final BlockingQueue<Map<String, Object>> invocations = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final LambdaInvokeEmulator lambda;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    final Api api;
    final Api lambdaApi;

    GatewayHarness() throws Exception {
        Path root = LocalStack.findRepoRoot(Path.of("").toAbsolutePath());
        Template template = TemplateReader.read(root.resolve("template.yaml"), LocalStack.REGION);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        int port = server.getAddress().getPort();
        server.createContext("/", new ApiGatewayEmulator(new Routes(template.routes()), this,
                new JwtVerifier(Tokens.secret(), Clock.systemUTC()), new Cors(List.of("http://localhost:" + port), template.cors()),
                new StaticFiles(root.resolve("infrastructure/web")), Clock.systemUTC()));
        server.setExecutor(executor);
        server.start();
        lambda = new LambdaInvokeEmulator(executor, LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY);
        lambda.start(this);
        api = new Api(URI.create("http://localhost:" + port));
        lambdaApi = new Api(lambda.endpoint());
    }

    @Override
    public boolean exists(String functionId) {
        return functionId.endsWith("Function");
    }

    @Override
    public Outcome invoke(String functionId, byte[] payload) {
        try {
            return switch (functionId) {
                case "RegistrationFunction" -> new Outcome.Failure("java.lang.IllegalStateException",
                        "{\"errorMessage\":\"boom: a secret stack trace\",\"errorType\":\"java.lang.IllegalStateException\"}");
                case "SummaryFunction" -> {
                    Map<String, Object> input = LocalJson.MAPPER.readValue(payload, new TypeReference<Map<String, Object>>() { });
                    invocations.add(input);
                    yield new Outcome.Answer(LocalJson.MAPPER.writeValueAsBytes(Map.of("compiled", input.getOrDefault("date", "none"))));
                }
                default -> recorded(functionId, payload);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the event; answers 201 with a cookie, a header and a base64 body. */
    private Outcome recorded(String functionId, byte[] payload) throws IOException {
        rawEvents.add(new String(payload, StandardCharsets.UTF_8));
        events.add(LocalJson.MAPPER.readValue(payload, APIGatewayV2HTTPEvent.class));
        ObjectNode response = LocalJson.MAPPER.createObjectNode().put("statusCode", 201);
        response.putObject("headers").put("Content-Type", "text/plain; charset=utf-8").put("X-Function", functionId);
        response.putArray("cookies").add("a=1; Path=/").add("b=2; Path=/");
        response.put("body", Base64.getEncoder().encodeToString("好".getBytes(StandardCharsets.UTF_8)));
        response.put("isBase64Encoded", true);
        return new Outcome.Answer(LocalJson.MAPPER.writeValueAsBytes(response));
    }

    @Override
    public void close() {
        server.stop(0);
        lambda.close();
        executor.shutdownNow();
    }
}
