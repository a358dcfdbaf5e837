package cn.lanzhou.epidemic.bench.driver;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Stands in for the Lambda runtime in a fresh JVM: constructs the handler (the runtime's init
 * phase), hands it one event and prints {@code OK <status>} once the first request is handled, so
 * the parent process can time process start → first response. Only this class, the handler's
 * deployment jar and the JDK are on the class path.
 *
 * <p>Arguments: {@code <handler class> <kind> [method] [path] [routeKey] [body file] [staff]},
 * kind {@code http} (an API Gateway HTTP API 2.0 event) or {@code map} (a scheduled/async
 * invocation payload {@code {"date": <third argument>}}). The parent writes a new body file for
 * every run, so that every run submits new data.
 */
public final class ColdStartDriver {
    private ColdStartDriver() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        RequestHandler handler = (RequestHandler) type.getDeclaredConstructor().newInstance();
        Object result;
        if (args[1].equals("http")) {
            result = handler.handleRequest(event(args), null);
            int status = ((APIGatewayV2HTTPResponse) result).getStatusCode();
            System.out.println((status < 300 ? "OK " : "FAILED ") + status);
        } else {
            Map<String, Object> payload = new HashMap<>();
            if (args.length > 2) {
                payload.put("date", args[2]);
            }
            result = handler.handleRequest(payload, null);
            System.out.println("OK " + result);
        }
    }

    private static APIGatewayV2HTTPEvent event(String[] args) throws Exception {
        String method = args[2];
        String path = args[3];
        String routeKey = args[4];
        String body = args.length > 5 && !args[5].equals("-") ? Files.readString(Path.of(args[5]), StandardCharsets.UTF_8) : null;
        boolean staff = args.length > 6 && args[6].equals("staff");
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                // the runtime takes the request id from the Runtime API's answer; a random UUID here would
                // initialise SecureRandom (tens of milliseconds) that no function asked for
                .withRequestId("bench-" + System.nanoTime()).withRouteKey(routeKey).withStage("$default").build();
        if (staff) {
            var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                    .withClaims(Map.of("sub", "bench", "cognito:groups", "[staff]")).build();
            context.setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString("").withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context).build();
    }

}
