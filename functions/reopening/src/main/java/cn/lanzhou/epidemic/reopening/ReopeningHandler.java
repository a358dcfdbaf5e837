package cn.lanzhou.epidemic.reopening;

import cn.lanzhou.epidemic.common.auth.Staff;
import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.QueryParameters;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.http.SampleRequest;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.common.validation.Errors;
import cn.lanzhou.epidemic.reopening.domain.ApplicationForm;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplications;
import cn.lanzhou.epidemic.reopening.domain.StaffCommands;
import cn.lanzhou.epidemic.reopening.domain.Status;
import cn.lanzhou.epidemic.reopening.store.DynamoReopeningApplications;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The six reopening routes: two public, four for staff (JWT authorizer, checked here again). */
public final class ReopeningHandler extends ApiHandler {
    private final ReopeningService service;
    private final Idempotency idempotency;
    private final Districts districts;
    private final AppClock clock;
    private final Map<String, Function<ApiRequest, ApiResponse>> routes = Map.of(
            "POST /reopenings", this::apply,
            "GET /reopenings/{id}", this::publicStatus,
            "GET /reopenings", this::list,
            "POST /reopenings/{id}/decision", this::decide,
            "POST /reopenings/{id}/reopened", this::markReopened,
            "GET /reopenings/{id}/details", this::details);

    public ReopeningHandler() {
        this(Clients.dynamoDb(), Districts.fromEnvironment(), AppClock.fromEnvironment());
    }

    private ReopeningHandler(DynamoDbClient client, Districts districts, AppClock clock) {
        this(new DynamoReopeningApplications(new Dynamo(client), Env.required("TABLE_NAME")),
                Idempotency.fromEnvironment(client, clock), districts, clock);
    }

    public ReopeningHandler(ReopeningApplications store, Idempotency idempotency, Districts districts, AppClock clock) {
        this.service = new ReopeningService(store, districts, clock);
        this.idempotency = idempotency;
        this.districts = districts;
        this.clock = clock;
    }

    @Override
    protected String receiptTitle() {
        return "复工复产申请已提交 / Reopening application submitted";
    }

    /** The staff list, a harmless read, besides the refused POST. */
    @Override
    protected List<SampleRequest> primingRequests() {
        return List.of(SampleRequest.invalidPost(),
                SampleRequest.get("GET /reopenings", "/reopenings", Map.of(), Staff.claims("priming", Staff.GROUP)));
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return routes;
    }

    private ApiResponse apply(ApiRequest request) {
        ApplicationForm form = ApplicationForm.read(RequestBody.read(request), districts, clock.today());
        return idempotency.create(request, form, (submitted, attempt) -> Views.receipt(service.submit(submitted, attempt)));
    }

    private ApiResponse publicStatus(ApiRequest request) {
        return ApiResponse.ok(Views.publicView(service.get(id(request))));
    }

    private ApiResponse list(ApiRequest request) {
        Staff.require(request);
        Errors errors = new Errors();
        Optional<String> district = request.query("district");
        if (district.isPresent() && !districts.contains(district.get())) {
            errors.add("district", "unknown-district", "未知的区县代码 / Unknown district code");
        }
        Optional<Status> status = QueryParameters.oneOf(request, "status", Status.class, errors);
        int limit = QueryParameters.limit(request, errors);
        errors.throwIfAny();
        return ApiResponse.ok(Views.page(service.list(district, status, limit, QueryParameters.nextToken(request))));
    }

    private ApiResponse decide(ApiRequest request) {
        String actor = Staff.require(request);
        var decision = StaffCommands.Decision.read(RequestBody.read(request));
        String id = id(request);
        return idempotency.execute(request, attempt -> ApiResponse.ok(Views.publicView(service.decide(id, decision, actor, attempt))));
    }

    private ApiResponse markReopened(ApiRequest request) {
        String actor = Staff.require(request);
        var reopened = StaffCommands.Reopened.read(RequestBody.read(request), clock.today());
        String id = id(request);
        return idempotency.execute(request, attempt -> ApiResponse.ok(Views.publicView(service.markReopened(id, reopened, actor, attempt))));
    }

    private ApiResponse details(ApiRequest request) {
        Staff.require(request);
        return ApiResponse.ok(Views.details(service.get(id(request))));
    }

    private static String id(ApiRequest request) {
        return request.pathParameter("id").orElse("");
    }
}
