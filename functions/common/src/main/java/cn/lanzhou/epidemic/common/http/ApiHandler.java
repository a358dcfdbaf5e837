package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.runtime.Priming;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.store.RequestBudget;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place where outcomes become HTTP: a {@link Problem}, 503 for the backend, else a generic 500 (the stack trace only logged).
 * A stream handler: the event is read and the answer written by {@link GatewayJson}, so that the runtime client's reflective
 * serialisation is not on the path and priming runs exactly the code a request runs.
 */
public abstract class ApiHandler implements RequestStreamHandler {
    protected ApiHandler() {
        Priming.register(getClass().getSimpleName(), this::prime);
    }

    /** Before the SnapStart snapshot: the {@link #primingRequests()}, each as the bytes API Gateway sends, through {@link #handleRequest(InputStream, OutputStream, Context)}. */
    private void prime() {
        for (SampleRequest request : primingRequests()) {
            try {
                handleRequest(new ByteArrayInputStream(request.eventJson()), OutputStream.nullOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Requests that change nothing, run before the snapshot. By default a POST with an empty body, which fails validation;
     * a handler adds its harmless reads (its GET routes), so that their code is loaded and run once before the first request.
     */
    protected List<SampleRequest> primingRequests() {
        return List.of(SampleRequest.invalidPost());
    }

    /** Route key (as template.yaml names it) to its method; an unknown route is 404. A handler of one route may override {@link #handle} instead. */
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of();
    }

    protected ApiResponse handle(ApiRequest request) {
        Function<ApiRequest, ApiResponse> route = routes().get(request.routeKey());
        if (route == null) {
            throw Problem.notFound("未找到该接口 / No such route");
        }
        return route.apply(request);
    }

    /** The heading of the HTML receipt page, for form posts without JavaScript. */
    protected String receiptTitle() {
        return "提交成功 / Submitted";
    }

    @Override
    public final void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        GatewayJson.write(handleRequest(GatewayJson.read(in), context), out);
    }

    /** One request as the event classes hold it (the tests' way in). */
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        ApiRequest request = new ApiRequest(event);
        String requestId = request.requestId();
        ApiResponse response = RequestBudget.within(RequestBudget.PER_REQUEST, () -> respond(request, requestId));
        Log.info(requestId, "request", "route", request.routeKey(), "status", response.status(),
                "ms", (System.nanoTime() - start) / 1_000_000);
        if (request.prefersHtml()) {
            return HtmlPage.render(request, response, receiptTitle());
        }
        return response.toEvent();
    }

    private ApiResponse respond(ApiRequest request, String requestId) {
        try {
            return handle(request);
        } catch (Problem problem) {
            return fromProblem(problem, requestId);
        } catch (BackendUnavailable e) {
            Log.warn(requestId, "backend unavailable", "cause", e.getMessage());
            return fromProblem(Problem.unavailable(2), requestId);
        } catch (RuntimeException e) {
            Log.error(requestId, "unexpected failure", e, "route", request.routeKey());
            return fromProblem(Problem.of(500, "internal", "系统内部错误 / Internal error",
                    "请稍后重试；如仍失败，请联系管理员并提供请求编号 / Try again later; if it keeps failing, "
                            + "contact the administrator with the request id"), requestId);
        }
    }

    public static ApiResponse fromProblem(Problem problem, String requestId) {
        ApiResponse response = ApiResponse.json(problem.status(), problem.body(requestId));
        for (var header : problem.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }
}
