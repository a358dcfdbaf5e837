package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.auth.Staff;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.followup.Commands.Lookup;
import cn.lanzhou.epidemic.person.SiteType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** Tracing (staff with {@code tracer}) and its audit (staff with {@code admin}). */
record TracingRoutes(TracingService service, Idempotency idempotency, AppClock clock) {
    static final String TRACER = "tracer";
    static final String ADMIN = "admin";

    /** POST, so that the identity number travels in the body and never in a URL (or an access log). */
    ApiResponse lookup(ApiRequest request) {
        String actor = Staff.requireGroups(request, TRACER);
        Lookup command = Lookup.read(RequestBody.read(request), clock.today());
        return idempotency.execute(request, attempt -> {
            TracingService.Found found = service.lookup(command, actor, attempt, request.requestId());
            LocalDateTime now = LocalDateTime.ofInstant(clock.now(), clock.zone());
            ObjectNode body = Json.object();
            body.put("personKey", found.personKey());
            body.put("idNumberMasked", found.idNumberMasked());
            var registrations = body.putArray("registrations");
            found.registrations().forEach(r -> registrations.add(Views.registration(r)));
            var observations = body.putArray("observations");
            found.observations().forEach(o -> observations.add(Views.summary(o, now)));
            return ApiResponse.ok(body);
        });
    }

    ApiResponse visits(ApiRequest request) {
        String actor = Staff.requireGroups(request, TRACER);
        Queries q = new Queries(request);
        String type = request.pathParameter("type").orElse("");
        boolean known = java.util.Arrays.stream(SiteType.values()).anyMatch(t -> t.name().equals(type));
        if (!known) {
            throw Problem.notFound("未知的场所类型 / No such site type");
        }
        String code = request.pathParameter("code").filter(c -> c.length() <= 64).orElse("");
        if (code.isEmpty()) {
            throw Problem.notFound("未知的场所 / No such site");
        }
        LocalDate date = q.date("date", clock.today());
        String purpose = q.required("purpose", 200);
        if (purpose != null && Commands.holdsPersonalNumber(purpose, clock.today())) {
            q.errors.add("purpose", "personal-data", "用途中不得填写证件号码或手机号码 / The purpose must not contain an ID or phone number");
            purpose = null;
        }
        int limit = q.limit();
        Optional<String> after = q.after();
        q.throwIfAny();
        return ApiResponse.ok(Queries.page(service.visits(type, code, date, purpose, limit, after, actor, request.requestId()),
                Views::visit));
    }

    ApiResponse audit(ApiRequest request) {
        Staff.requireGroups(request, ADMIN);
        Queries q = new Queries(request);
        LocalDate date = q.date("date", clock.today());
        int limit = q.limit();
        Optional<String> after = q.after();
        q.throwIfAny();
        return ApiResponse.ok(Queries.page(service.audit(date, limit, after), Views::audit));
    }
}
