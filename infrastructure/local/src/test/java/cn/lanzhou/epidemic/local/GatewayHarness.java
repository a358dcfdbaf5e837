package cn.lanzhou.epidemic.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The gateway of the real template in front of recording handlers instead of the functions, with
 * no DynamoDB or S3 behind it: for tests of what reaches a function and what comes back.
 * RegistrationFunction throws; SummaryFunction takes a Map, as a scheduled or invoked function does.
 */
final class GatewayHarness implements AutoCloseable {
    final BlockingQueue<APIGatewayV2HTTPEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<Map<String, Object>> invocations = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    final Api api;

    GatewayHarness() throws Exception {
        Path root = LocalStack.findRepoRoot(Path.of("").toAbsolutePath());
        Template template = TemplateReader.read(root.resolve("template.yaml"), LocalStack.REGION);
        Functions functions = new Functions(template.functions(), LocalStack.REGION, this::handler);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        int port = server.getAddress().getPort();
        server.createContext("/", new ApiGatewayEmulator(new Routes(template.routes()), functions,
                new JwtVerifier(Tokens.secret(), Clock.systemUTC()), new Cors(List.of("http://localhost:" + port), template.cors()),
                new LambdaInvokeEmulator(functions, executor), new StaticFiles(root.resolve("infrastructure/web")), Clock.systemUTC()));
        server.setExecutor(executor);
        server.start();
        api = new Api(URI.create("http://localhost:" + port));
    }

    private RequestHandler<?, ?> handler(Template.Function function) {
        return switch (function.id()) {
            case "RegistrationFunction" -> new Failing();
            case "SummaryFunction" -> new Invoked();
            default -> new Recording();
        };
    }

    /** Answers 200 with a cookie, a header and a base64 body, and keeps the event. */
    final class Recording implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            events.add(event);
            APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
            response.setStatusCode(201);
            response.setHeaders(Map.of("Content-Type", "text/plain; charset=utf-8", "X-Function", context.getFunctionName()));
            response.setCookies(List.of("a=1; Path=/", "b=2; Path=/"));
            response.setBody(java.util.Base64.getEncoder().encodeToString("好".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            response.setIsBase64Encoded(true);
            return response;
        }
    }

    static final class Failing implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            throw new IllegalStateException("boom: a secret stack trace");
        }
    }

    final class Invoked implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            invocations.add(input);
            return Map.of("compiled", input.getOrDefault("date", "none"));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
