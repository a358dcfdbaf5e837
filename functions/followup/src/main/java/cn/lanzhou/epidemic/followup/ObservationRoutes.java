package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.auth.Staff;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.followup.Commands.NewCheck;
import cn.lanzhou.epidemic.followup.Commands.NewObservation;
import cn.lanzhou.epidemic.followup.Commands.ReleaseCommand;
import cn.lanzhou.epidemic.followup.domain.Observation;
import cn.lanzhou.epidemic.followup.domain.Status;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Function;

/** The five observation routes (staff): request → command → service → view. */
record ObservationRoutes(ObservationService service, Idempotency idempotency, Districts districts, AppClock clock) {
    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), clock.zone());
    }

    ApiResponse create(ApiRequest request) {
        String actor = Staff.require(request);
        NewObservation command = NewObservation.read(RequestBody.read(request), districts, clock.today());
        return idempotency.execute(request, attempt ->
                ApiResponse.created(Views.created(service.create(command, actor, attempt, request.requestId()))));
    }

    ApiResponse addCheck(ApiRequest request) {
        return change(request, NewCheck::read, service::addCheck, 201);
    }

    ApiResponse release(ApiRequest request) {
        return change(request, ReleaseCommand::read, service::release, 200);
    }

    /** What a staff POST to an observation does to it, once per Idempotency-Key. */
    interface Change<C> {
        Observation apply(String id, C command, String actor, Attempt attempt);
    }

    private <C> ApiResponse change(ApiRequest request, Function<Fields, C> read, Change<C> change, int status) {
        String actor = Staff.require(request);
        C command = read.apply(RequestBody.read(request));
        String id = id(request);
        return idempotency.execute(request, attempt ->
                ApiResponse.json(status, Views.view(change.apply(id, command, actor, attempt), now())));
    }

    ApiResponse get(ApiRequest request) {
        Staff.require(request);
        return ApiResponse.ok(Views.view(service.get(id(request)), now()));
    }

    ApiResponse list(ApiRequest request) {
        Staff.require(request);
        Queries q = new Queries(request);
        Optional<String> district = q.text("district", 64);
        if (district.isPresent() && !districts.contains(district.get())) {
            q.errors.add("district", "unknown-district", "不是已知的区县代码 / Not a known district code");
        }
        Optional<String> siteCode = q.text("siteCode", 64);
        Status status = q.enumValue("status", Status.class).orElse(Status.ACTIVE);
        int limit = q.limit();
        Optional<String> after = q.after();
        q.throwIfAny();
        LocalDateTime now = now();
        return ApiResponse.ok(Queries.page(service.list(status, district, siteCode, limit, after), o -> Views.listItem(o, now)));
    }

    private static String id(ApiRequest request) {
        return request.pathParameter("id").orElse("");
    }
}
