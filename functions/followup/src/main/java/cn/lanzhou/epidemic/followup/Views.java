package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.time.UtcMillis;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.followup.domain.AuditEntry;
import cn.lanzhou.epidemic.followup.domain.Check;
import cn.lanzhou.epidemic.followup.domain.Observation;
import cn.lanzhou.epidemic.followup.domain.ObservationRules;
import cn.lanzhou.epidemic.followup.domain.RegistrationRecord;
import cn.lanzhou.epidemic.followup.domain.SlotRef;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The JSON of the follow-up routes. Names are shown (staff address the person); identity numbers and
 * phones only masked.
 */
final class Views {
    private Views() {
    }

    /** The 201 of {@code POST /observations}: the fields of the contract, no more. */
    static ObjectNode created(Observation o) {
        ObjectNode body = Json.object().put("id", o.id()).put("personKey", o.person().personKey()).put("name", o.person().name())
                .put("idNumberMasked", o.person().idNumberMasked()).put("district", o.district());
        body.putObject("site").put("type", o.placeType().name()).put("code", o.placeCode());
        return body.put("reason", o.reason().name()).put("status", o.status().name()).put("startDate", o.startDate().toString())
                .put("endDate", o.endDate().toString()).put("version", o.version());
    }

    /** The view without its checks: the list, the lookup. */
    static ObjectNode summary(Observation o, LocalDateTime now) {
        ObjectNode body = created(o);
        body.put("releasedOn", o.releasedOn().map(Object::toString).orElse(null));
        o.release().ifPresent(r -> body.put("releaseReason", r.reason()));
        ObjectNode alerts = body.putObject("alerts");
        alerts.put("fever", ObservationRules.anyFever(o));
        alerts.set("missed", slots(ObservationRules.missed(o, now)));
        return body;
    }

    /** {@code GET /observations/{id}} and the answers of checks and releases. */
    static ObjectNode view(Observation o, LocalDateTime now) {
        ObjectNode body = summary(o, now);
        ArrayNode checks = body.putArray("checks");
        for (Check c : o.checks()) {
            ArrayNode symptoms = Json.array();
            c.symptoms().stream().sorted().forEach(s -> symptoms.add(s.name()));
            checks.addObject()
                    .put("localDate", c.slot().localDate().toString())
                    .put("slot", c.slot().slot().name())
                    .put("temperatureCelsius", c.temperatureCelsius())
                    .put("fever", c.fever())
                    .put("recordedAt", UtcMillis.format(c.recordedAt()))
                    .put("recordedBy", c.recordedBy())
                    .set("symptoms", symptoms);
        }
        return body;
    }

    /** An item of the staff list: the view without checks and today's AM/PM. */
    static ObjectNode listItem(Observation o, LocalDateTime now) {
        ObjectNode body = summary(o, now);
        ObjectNode today = body.putObject("today");
        ObservationRules.today(o, now).forEach((slot, status) -> today.put(slot.name(), status.name()));
        return body;
    }

    static ArrayNode slots(List<SlotRef> slots) {
        ArrayNode array = Json.array();
        slots.forEach(s -> array.addObject().put("localDate", s.localDate().toString()).put("slot", s.slot().name()));
        return array;
    }

    /** A registration in a person's lookup. */
    static ObjectNode registration(RegistrationRecord r) {
        ObjectNode body = Json.object().put("id", r.id()).put("occurredAt", UtcMillis.format(r.occurredAt()))
                .put("localDate", r.localDate().toString()).put("district", r.district());
        body.putObject("site").put("type", r.siteType()).put("code", r.siteCode());
        return body.put("riskLevel", r.riskLevel()).put("fever", r.fever()).put("vehiclePlate", r.vehiclePlate().orElse(null));
    }

    /** A registration in a site's day: who passed, their risk and fever. */
    static ObjectNode visit(RegistrationRecord r) {
        return Json.object().put("registrationId", r.id()).put("occurredAt", UtcMillis.format(r.occurredAt()))
                .put("personKey", r.person().personKey()).put("name", r.person().name())
                .put("idNumberMasked", r.person().idNumberMasked()).put("riskLevel", r.riskLevel()).put("fever", r.fever());
    }

    static ObjectNode audit(AuditEntry e) {
        ObjectNode body = Json.object();
        body.put("at", UtcMillis.format(e.at()));
        body.put("actor", e.actor());
        body.put("action", e.action().name());
        e.personKey().ifPresent(k -> body.put("personKey", k));
        if (e.action() == AuditEntry.Action.VISITS) {
            body.putObject("site").put("type", e.siteType().orElse(null)).put("code", e.siteCode().orElse(null));
            body.put("date", e.date().map(Object::toString).orElse(null));
        }
        body.put("purpose", e.purpose());
        return body;
    }
}
