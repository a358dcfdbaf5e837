package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {
    private static Template template;

    @BeforeAll
    static void read() throws Exception {
        Path root = LocalStack.findRepoRoot(Path.of("").toAbsolutePath());
        template = TemplateReader.read(root.resolve("template.yaml"), "us-east-1", name -> null);
    }

    @Test
    void shortTagsBecomeIntrinsicFunctionMaps() {
        Object parsed = TemplateReader.parse("a: !Ref X\nb: !GetAtt T.Arn\nc: !Not [!Equals [!Ref P, '']]\nd: !Sub '${A}-x'");

        assertEquals(Map.of("a", Map.of("Ref", "X"), "b", Map.of("Fn::GetAtt", "T.Arn"),
                "c", Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "P"), ""))))
                , "d", Map.of("Fn::Sub", "${A}-x")), parsed);
    }

    @Test
    void tablesKeepTheirKeysAndIndexes() {
        Template.Table data = template.tables().stream().filter(t -> t.name().equals("DataTable")).findFirst().orElseThrow();

        assertEquals(List.of(new Template.Key("pk", "HASH"), new Template.Key("sk", "RANGE")), data.keySchema());
        assertEquals(List.of("GSI1", "ByPerson", "BySiteDay"),
                data.globalSecondaryIndexes().stream().map(Template.Index::name).toList());
        assertEquals(7, data.attributeTypes().size());
        assertEquals(List.of("reports-bucket", "forms-bucket"), template.buckets());
    }

    @Test
    void environmentReferencesResolveToLocalNamesWithGlobalsUnderneath() {
        Map<String, String> registration = template.function("RegistrationFunction").orElseThrow().environment();
        Map<String, String> reports = template.function("ReportsFunction").orElseThrow().environment();

        assertEquals("DataTable", registration.get("TABLE_NAME"));
        assertEquals("IdempotencyTable", registration.get("IDEMPOTENCY_TABLE_NAME"));
        assertEquals(template.secrets().getFirst().arn(), registration.get("ID_HASH_SECRET_ARN"));
        assertTrue(registration.get("ID_HASH_SECRET_ARN").matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:IdHashKey-[0-9a-f]{6}"));
        assertEquals("Asia/Shanghai", registration.get("REPORT_TIMEZONE"));
        assertEquals("reports-bucket", reports.get("REPORTS_BUCKET"));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:SummaryFunction:live", reports.get("SUMMARY_FUNCTION_NAME"));
        assertEquals("900", reports.get("PRESIGN_SECONDS"));
    }

    @Test
    void aParameterTakesTheEnvironmentVariableOfItsName() throws Exception {
        Path root = LocalStack.findRepoRoot(Path.of("").toAbsolutePath());
        Template overridden = TemplateReader.read(root.resolve("template.yaml"), "us-east-1",
                name -> name.equals("ReportTimezone") ? "Asia/Urumqi" : null);

        assertEquals("Asia/Urumqi", overridden.function("DistrictsFunction").orElseThrow().environment().get("REPORT_TIMEZONE"));
    }

    @Test
    void routesArePublicOnlyWhenTheirAuthorizerIsNone() {
        Map<String, Boolean> protectedByRoute = new java.util.HashMap<>();
        template.routes().forEach(r -> protectedByRoute.put(r.routeKey(), r.protectedByJwt()));

        assertFalse(protectedByRoute.get("GET /districts"));
        assertFalse(protectedByRoute.get("GET /reopenings/{id}"));
        assertTrue(protectedByRoute.get("GET /reopenings"));
        assertTrue(protectedByRoute.get("POST /reopenings/{id}/decision"));
        assertTrue(protectedByRoute.get("GET /reports/{date}"));
    }

    @Test
    void handlersAreSplitIntoClassAndMethod() {
        Template.Function districts = template.function("DistrictsFunction").orElseThrow();

        assertEquals("cn.lanzhou.epidemic.districts.DistrictsHandler", districts.handlerClass());
        assertEquals("handleRequest", districts.handlerMethod());
        assertEquals("functions/districts/target/lambda/districts.jar", districts.codeUri());
        assertEquals(1024, districts.memorySizeMb());
        assertEquals(3538, template.function("RegistrationFunction").orElseThrow().memorySizeMb());
        assertEquals(10, districts.timeoutSeconds());
    }

    @Test
    void theNightlyScheduleKeepsItsZoneAndInput() {
        assertEquals(List.of(new Template.Schedule("SummaryFunction", "daily-report", "cron(10 0 * * ? *)",
                ZoneId.of("Asia/Shanghai"), Optional.of("{\"source\": \"schedule\"}"))), template.schedules());
    }

    @Test
    void corsComesFromTheHttpApi() {
        assertEquals(600, template.cors().maxAgeSeconds());
        assertTrue(template.cors().allowHeaders().contains("Idempotency-Key"));
        assertTrue(template.cors().exposeHeaders().contains("Idempotency-Replayed"));
    }
}
