package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.runtime.Priming;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.store.RequestBudget;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place where outcomes become HTTP: a handler returns an {@link ApiResponse} or throws a
 * {@link Problem}; the backend failing answers 503, anything unexpected 500 with a generic body
 * and the request id (the stack trace goes to the log only). A browser posting a form without
 * JavaScript gets the same outcome as a short Chinese page.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    protected ApiHandler() {
        Priming.register(getClass().getSimpleName(), this::prime);
    }

    /**
     * Before the SnapStart snapshot: one request that writes nothing (an empty POST body fails
     * validation; a GET of an unknown route is a 404), through the whole pipeline — body reading,
     * validation, problem mapping, JSON. A handler may add a harmless read to warm its client.
     */
    protected void prime() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /priming")
                .withRawPath("/priming")
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/priming").build())
                        .build())
                .build();
        handleRequest(event, null);
    }

    /**
     * The handler's routes: route key as template.yaml names it → the method that answers it. A route
     * not in the table is 404. A handler of one route may override {@link #handle} instead.
     */
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return Map.of();
    }

    /** Handles one request; may throw {@link Problem}. */
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
