package cn.lanzhou.epidemic.reopening;

import cn.lanzhou.epidemic.common.time.UtcMillis;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.reopening.domain.Readiness;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.HistoryEntry;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collection;

/** The JSON an application is shown as: the receipt, the public view (no contact data) and the staff details. */
public final class Views {
    private Views() {
    }

    /** The 201 answer of {@code POST /reopenings}. */
    static ObjectNode receipt(ReopeningApplication app) {
        ObjectNode body = Json.object();
        body.put("id", app.id());
        body.put("status", app.status().name());
        body.put("version", app.version());
        body.put("submittedAt", UtcMillis.format(app.submittedAt()));
        body.set("readiness", readiness(app.readiness()));
        return body;
    }

    /** {@code GET /reopenings/{id}}: exactly these members, whoever asks. */
    static ObjectNode publicView(ReopeningApplication app) {
        ObjectNode body = Json.object();
        body.put("id", app.id());
        body.putObject("enterprise")
                .put("name", app.enterprise().name())
                .put("creditCode", app.enterprise().creditCode());
        body.put("district", app.district());
        body.put("street", app.street());
        body.put("status", app.status().name());
        body.put("version", app.version());
        body.put("submittedAt", UtcMillis.format(app.submittedAt()));
        body.put("decidedAt", UtcMillis.format(app.decidedAt()));
        body.put("reason", app.reason());
        body.put("reopenedOn", date(app.reopenedOn()));
        return body;
    }

    /** An item of the staff list: the public view and the readiness checklist. */
    static ObjectNode listItem(ReopeningApplication app) {
        ObjectNode body = publicView(app);
        body.set("readiness", readiness(app.readiness()));
        return body;
    }

    /** {@code GET /reopenings/{id}/details} (staff): everything. */
    static ObjectNode details(ReopeningApplication app) {
        ObjectNode body = publicView(app);
        var e = app.enterprise();
        body.putObject("enterprise")
                .put("name", e.name())
                .put("creditCode", e.creditCode())
                .put("industry", e.industry())
                .put("aboveDesignatedSize", e.aboveDesignatedSize())
                .put("employees", e.employees());
        body.putObject("contact").put("name", app.contact().name()).put("phone", app.contact().phone());
        body.put("plannedDate", date(app.plannedDate()));
        body.put("returningEmployees", app.returningEmployees());
        body.put("employeesFromHubei", app.employeesFromHubei());
        var p = app.prevention();
        ObjectNode prevention = body.putObject("prevention")
                .put("responsiblePerson", p.responsiblePerson())
                .put("disinfectionsPerDay", p.disinfectionsPerDay());
        prevention.set("entrySteps", names(p.entrySteps().stream().sorted().map(Enum::name).toList()));
        prevention.put("masksInStock", p.masksInStock())
                .put("thermometers", p.thermometers())
                .put("emergencyPlan", p.emergencyPlan());
        body.set("difficulties", names(app.difficulties().stream().sorted().map(Enum::name).toList()));
        body.put("difficultyNote", app.difficultyNote());
        body.set("readiness", readiness(app.readiness()));
        ArrayNode history = body.putArray("history");
        for (HistoryEntry h : app.history()) {
            history.addObject()
                    .put("at", UtcMillis.format(h.at()))
                    .put("actor", h.actor())
                    .put("from", h.from() == null ? null : h.from().name())
                    .put("to", h.to().name())
                    .put("reason", h.reason());
        }
        return body;
    }

    private static ObjectNode readiness(Readiness readiness) {
        ObjectNode node = Json.object().put("ready", readiness.ready());
        node.set("missing", names(readiness.missing()));
        return node;
    }

    private static ArrayNode names(Collection<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A page of the staff list: {@code items}, and {@code nextToken} while more remain. */
    static ObjectNode page(ReopeningService.Page page) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(app -> items.add(listItem(app)));
        page.nextToken().ifPresent(token -> body.put("nextToken", token));
        return body;
    }
}
