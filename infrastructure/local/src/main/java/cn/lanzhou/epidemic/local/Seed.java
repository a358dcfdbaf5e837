package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * {@code ./dev seed}: realistic demo data for every district over the last days, posted through
 * the public API of a running local stack (so it passes the same validation as a person's form),
 * then the daily reports compiled for those days. Names and figures follow the Lanzhou bulletins of
 * February 2020; every ID number, credit code and phone number is generated (checksums valid,
 * nobody's real data). Options: {@code --url} (default http://localhost:3000), {@code --days} (default 7).
 */
public final class Seed {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "马", "周", "孙"};
    private static final String[] GIVEN = {"芳", "伟", "敏", "静", "强", "磊", "洋", "艳", "军", "霞", "明", "丽"};
    private static final String[] ORIGINS = {"西安", "天水", "白银", "定西", "临夏", "武威", "西宁", "银川", "成都", "北京"};
    private static final String[] SITE_TYPES = {"CHECKPOINT", "COMMUNITY", "ENTERPRISE", "OBSERVATION"};
    private static final String[] INDUSTRIES = {"装备制造", "石油化工", "食品加工", "医药制造", "建材", "物流"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private final Random random = new Random(20200213);

    Seed(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:" + System.getenv().getOrDefault("PORT", "3000");
        int days = 7;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--port" -> url = "http://localhost:" + args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new Seed(URI.create(url), Tokens.staff()).run(days);
    }

    void run(int days) throws Exception {
        JsonNode districts = send("GET", "/districts", null, false).get("districts");
        if (districts == null) {
            throw new IllegalStateException("GET /districts did not answer: is ./dev up running at " + base + "?");
        }
        LocalDate today = LocalDate.now(ZONE);
        int registrations = 0;
        int donations = 0;
        for (int d = days - 1; d >= 0; d--) {
            LocalDate day = today.minusDays(d);
            for (JsonNode district : districts) {
                String code = district.get("code").asText();
                int persons = 8 + random.nextInt(12) + (days - d) * 2;
                for (int i = 0; i < persons; i++) {
                    post("/registrations", registration(code, day, d == 0));
                    registrations++;
                }
                if (random.nextInt(3) > 0) {
                    post("/donations", donation(code, day));
                    donations++;
                }
            }
        }
        List<String> applications = new ArrayList<>();
        for (JsonNode district : districts) {
            for (int i = 0; i < 3; i++) {
                JsonNode created = post("/reopenings", reopening(district.get("code").asText(), today));
                applications.add(created.get("id").asText());
            }
        }
        int approved = 0;
        for (int i = 0; i < applications.size(); i++) {
            String id = applications.get(i);
            if (i % 3 == 0) {
                continue; // stays SUBMITTED: the console shows something to review
            }
            boolean approve = i % 5 != 0;
            ObjectNode decision = Json.object().put("decision", approve ? "APPROVE" : "REJECT").put("expectedVersion", 1);
            if (!approve) {
                decision.put("reason", "防控方案不完整：缺少应急预案 / The prevention plan lacks an emergency plan");
            }
            send("POST", "/reopenings/" + id + "/decision", decision, true);
            if (approve) {
                approved++;
                if (i % 2 == 0) {
                    send("POST", "/reopenings/" + id + "/reopened",
                            Json.object().put("reopenedOn", today.toString()).put("expectedVersion", 2), true);
                }
            }
        }
        for (int d = days - 1; d >= 0; d--) {
            send("POST", "/reports/" + today.minusDays(d), Json.object(), true);
        }
        System.out.printf("seeded %d registrations, %d donations, %d reopening applications (%d approved) over %d days;%n"
                + "reports are compiling for %s … %s (GET /reports with a staff token)%n",
                registrations, donations, applications.size(), approved, days, today.minusDays(days - 1), today);
    }

    private ObjectNode registration(String district, LocalDate day, boolean isToday) {
        String siteType = SITE_TYPES[random.nextInt(SITE_TYPES.length)];
        // today: some hours before now; earlier days: any time of the day (local)
        OffsetDateTime at = isToday
                ? OffsetDateTime.now(ZONE).minusMinutes(10 + random.nextInt(300))
                : day.atTime(6 + random.nextInt(17), random.nextInt(60)).atZone(ZONE).toOffsetDateTime();
        if (at.atZoneSameInstant(ZONE).toLocalDate().isBefore(day)) {
            at = day.atTime(0, 5).atZone(ZONE).toOffsetDateTime();
        }
        ObjectNode r = Json.object()
                .put("name", SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)])
                .put("idNumber", SampleData.residentId(random))
                .put("phone", SampleData.mobile(random))
                .put("district", district)
                .put("occurredAt", at.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString())
                .put("consent", true);
        r.putObject("site").put("type", siteType).put("code", siteType.substring(0, 2) + "-" + (1 + random.nextInt(20)));
        if (siteType.equals("CHECKPOINT") || siteType.equals("OBSERVATION") || random.nextBoolean()) {
            int tenths = random.nextInt(100) < 3 ? 373 + random.nextInt(10) : 360 + random.nextInt(12);
            r.put("temperatureCelsius", new java.math.BigDecimal(tenths).movePointLeft(1));
        }
        if (siteType.equals("CHECKPOINT") && random.nextInt(10) < 6) {
            r.put("vehiclePlate", "甘A" + String.format("%05d", random.nextInt(100_000)));
        }
        if (random.nextInt(10) < 3) {
            r.put("origin", ORIGINS[random.nextInt(ORIGINS.length)]);
            r.putArray("travelHistory").add(ORIGINS[random.nextInt(ORIGINS.length)]);
        }
        if (random.nextInt(100) < 2) {
            r.putArray("travelHistory").add("湖北省武汉市");
        }
        return r;
    }

    private ObjectNode donation(String district, LocalDate day) {
        ObjectNode d = Json.object().put("district", district).put("donatedOn", day.toString());
        boolean organization = random.nextBoolean();
        d.putObject("donor").put("name", organization ? "兰州某商贸有限公司" : SURNAMES[random.nextInt(10)] + GIVEN[random.nextInt(12)])
                .put("type", organization ? "ORGANIZATION" : "INDIVIDUAL");
        if (random.nextBoolean()) {
            d.put("kind", "FUNDS").put("amount", (1 + random.nextInt(5000)) * 10 + "." + String.format("%02d", random.nextInt(100)));
        } else {
            d.put("kind", "MATERIALS");
            d.putArray("items").addObject().put("category", "MASK").put("name", "医用外科口罩")
                    .put("quantity", 500 * (1 + random.nextInt(20))).put("unit", "只").put("unitValue", "1.20");
        }
        d.put("recipient", "区红十字会");
        return d;
    }

    private ObjectNode reopening(String district, LocalDate today) {
        ObjectNode r = Json.object().put("district", district).put("street", "西站街道")
                .put("plannedDate", today.plusDays(1 + random.nextInt(10)).toString())
                .put("returningEmployees", 40 + random.nextInt(100)).put("employeesFromHubei", 0);
        r.putObject("enterprise").put("name", "兰州" + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "有限公司")
                .put("creditCode", SampleData.creditCode(random)).put("industry", INDUSTRIES[random.nextInt(INDUSTRIES.length)])
                .put("aboveDesignatedSize", random.nextInt(4) > 0).put("employees", 150 + random.nextInt(400));
        r.putObject("contact").put("name", SURNAMES[random.nextInt(10)] + GIVEN[random.nextInt(12)])
                .put("phone", SampleData.mobile(random));
        ObjectNode prevention = r.putObject("prevention").put("responsiblePerson", SURNAMES[random.nextInt(10)] + "主任")
                .put("disinfectionsPerDay", 2 + random.nextInt(3)).put("masksInStock", 1000 + random.nextInt(9000))
                .put("thermometers", random.nextInt(8)).put("emergencyPlan", random.nextInt(5) > 0);
        var steps = prevention.putArray("entrySteps");
        for (String step : new String[] {"MASK", "TEMPERATURE", "DISINFECTION", "HEALTH_FORM", "CONSENT", "PASS"}) {
            if (random.nextInt(6) > 0) {
                steps.add(step);
            }
        }
        return r;
    }

    private JsonNode post(String path, ObjectNode body) throws Exception {
        return send("POST", path, body, false);
    }

    private JsonNode send(String method, String path, ObjectNode body, boolean staff) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (staff) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parseTrusted(response.body());
    }
}
