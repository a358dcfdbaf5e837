package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.auth.Staff;
import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.SampleRequest;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.followup.domain.AuditLog;
import cn.lanzhou.epidemic.followup.domain.Observations;
import cn.lanzhou.epidemic.followup.domain.RegistrationIndex;
import cn.lanzhou.epidemic.followup.store.DynamoAuditLog;
import cn.lanzhou.epidemic.followup.store.DynamoObservations;
import cn.lanzhou.epidemic.followup.store.DynamoRegistrationIndex;
import cn.lanzhou.epidemic.person.PersonalData;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Medical observation and tracing (openapi.yaml, docs/followup.md): every route is for staff; tracing needs
 * {@code tracer} as well, the audit {@code admin}. One function for both: they read and write the
 * same table, and IAM could not give them narrower resources apart (docs/followup.md).
 */
public final class FollowUpHandler extends ApiHandler {
    private final Map<String, Function<ApiRequest, ApiResponse>> routes;

    public FollowUpHandler() {
        this(Dynamo.primed(Clients.dynamoDb(), Env.required("TABLE_NAME")), Env.required("TABLE_NAME"),
                PersonalData.fromEnvironment(), AppClock.fromEnvironment());
    }

    private FollowUpHandler(Dynamo dynamo, String table, PersonalData personalData, AppClock clock) {
        this(new DynamoObservations(dynamo, table), new DynamoRegistrationIndex(dynamo, table, clock.zone()),
                new DynamoAuditLog(dynamo, table), personalData,
                Idempotency.fromEnvironment(dynamo.client(), clock).fingerprintedWith(personalData::fingerprint),
                Districts.fromEnvironment(), clock);
    }

    public FollowUpHandler(Observations observations, RegistrationIndex registrations, AuditLog audit,
            PersonalData personalData, Idempotency idempotency, Districts districts, AppClock clock) {
        ObservationRoutes o = new ObservationRoutes(
                new ObservationService(observations, registrations, personalData, clock), idempotency, districts, clock);
        TracingRoutes t = new TracingRoutes(
                new TracingService(registrations, observations, audit, personalData, clock), idempotency, clock);
        this.routes = Map.of(
                "POST /observations", o::create,
                "GET /observations", o::list,
                "GET /observations/{id}", o::get,
                "POST /observations/{id}/checks", o::addCheck,
                "POST /observations/{id}/release", o::release,
                "POST /persons/lookup", t::lookup,
                "GET /sites/{type}/{code}/visits", t::visits,
                "GET /audit", t::audit);
    }

    @Override
    protected String receiptTitle() {
        return "医学观察 / Medical observation";
    }

    /** The active observations, a harmless read (tracing routes are audited: never primed), besides the refused POST. */
    @Override
    protected List<SampleRequest> primingRequests() {
        return List.of(SampleRequest.invalidPost(),
                SampleRequest.get("GET /observations", "/observations", Map.of(), Staff.claims("priming", Staff.GROUP)));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        var route = routes.get(request.routeKey());
        if (route == null) {
            throw Problem.notFound("未找到该接口 / No such route");
        }
        return route.apply(request);
    }
}
