package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.auth.Staff;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.followup.Commands.NewCheck;
import cn.lanzhou.epidemic.followup.Commands.NewObservation;
import cn.lanzhou.epidemic.followup.Commands.ReleaseCommand;
import cn.lanzhou.epidemic.followup.domain.Status;
import java.time.LocalDateTime;
import java.util.Optional;

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
        String actor = Staff.require(request);
        NewCheck command = NewCheck.read(RequestBody.read(request));
        String id = id(request);
        return idempotency.execute(request, attempt ->
                ApiResponse.created(Views.view(service.addCheck(id, command, actor, attempt), now())));
    }

    ApiResponse release(ApiRequest request) {
        String actor = Staff.require(request);
        ReleaseCommand command = ReleaseCommand.read(RequestBody.read(request));
        String id = id(request);
        return idempotency.execute(request, attempt ->
                ApiResponse.ok(Views.view(service.release(id, command, actor, attempt), now())));
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
