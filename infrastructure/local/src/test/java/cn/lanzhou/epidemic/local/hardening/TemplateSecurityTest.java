package cn.lanzhou.epidemic.local.hardening;

import static cn.lanzhou.epidemic.local.hardening.TemplateRules.list;
import static cn.lanzhou.epidemic.local.hardening.TemplateRules.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.TemplateReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** template.yaml keeps the guarantees of SECURITY.md; and each rule would catch its own breach. */
class TemplateSecurityTest {

    static Map<String, Object> template() throws Exception {
        return TemplateReader.load(LocalStack.findRepoRoot(Path.of("").toAbsolutePath()).resolve("template.yaml"));
    }

    @Test
    void theTemplateKeepsEverySecurityAndReliabilityRule() throws Exception {
        List<String> violations = TemplateRules.violations(template());

        assertEquals(List.of(), violations, String.join("\n", violations));
    }

    @Test
    void theTemplateHasTheResourcesTheRulesAreAbout() throws Exception {
        Map<String, Object> resources = map(template().get("Resources"));
        long tables = resources.values().stream().filter(r -> "AWS::DynamoDB::Table".equals(map(r).get("Type"))).count();
        long schedules = resources.values().stream()
                .flatMap(r -> map(map(map(r).get("Properties")).get("Events")).values().stream())
                .filter(e -> "ScheduleV2".equals(map(e).get("Type")))
                .count();

        assertTrue(tables >= 2, "DataTable and IdempotencyTable");
        assertTrue(schedules >= 1, "the nightly report");
    }

    static Stream<Arguments> breaches() {
        return Stream.of(
                breach("a table without DeletionPolicy Retain", t -> resource(t, "DataTable").put("DeletionPolicy", "Delete")),
                breach("a table without deletion protection", t -> properties(t, "IdempotencyTable").remove("DeletionProtectionEnabled")),
                breach("a table without point-in-time recovery", t -> map(properties(t, "DataTable")
                        .get("PointInTimeRecoverySpecification")).put("PointInTimeRecoveryEnabled", false)),
                breach("a public-access block off", t -> map(properties(t, "ReportsBucket")
                        .get("PublicAccessBlockConfiguration")).put("RestrictPublicBuckets", false)),
                breach("ACLs enabled", t -> properties(t, "ReportsBucket").remove("OwnershipControls")),
                breach("no bucket encryption", t -> properties(t, "ReportsBucket").remove("BucketEncryption")),
                breach("no TLS-only policy", t -> map(t.get("Resources")).remove("ReportsBucketPolicy")),
                breach("a wildcard action", t -> firstStatement(t, "RegistrationFunction").put("Action", List.of("dynamodb:*"))),
                breach("the action *", t -> firstStatement(t, "DonationFunction").put("Action", "*")),
                breach("the resource *", t -> firstStatement(t, "DonationFunction").put("Resource", "*")),
                breach("a table ARN wildcard", t -> firstStatement(t, "ReopeningFunction")
                        .put("Resource", Map.of("Fn::Sub", "${DataTable.Arn}/*"))),
                breach("a prefix wildcard for a non-object action", t -> statements(t, "ReportsFunction").get(1)
                        .put("Resource", Map.of("Fn::Sub", "${ReportsBucket.Arn}/reports/*"))),
                breach("a SAM policy template", t -> list(properties(t, "DonationFunction").get("Policies"))
                        .add(Map.of("DynamoDBCrudPolicy", Map.of("TableName", "x")))),
                breach("no route throttling", t -> properties(t, "HttpApi").remove("DefaultRouteSettings")),
                breach("a schedule without a retry policy", t -> schedule(t).remove("RetryPolicy")),
                breach("a schedule without a dead-letter queue", t -> schedule(t).remove("DeadLetterConfig")),
                breach("an HTTP function allowed 30 s", t -> properties(t, "DonationFunction").put("Timeout", 30)),
                breach("a Globals timeout of 60 s", t -> map(map(t.get("Globals")).get("Function")).put("Timeout", 60)),
                breach("a literal partition in an ARN", t -> firstStatement(t, "DonationFunction")
                        .put("Resource", "arn:aws:dynamodb:us-east-1:1:table/x")),
                breach("a literal amazonaws.com", t -> map(map(t.get("Outputs")).get("ApiUrl"))
                        .put("Value", Map.of("Fn::Sub", "https://${HttpApi}.execute-api.${AWS::Region}.amazonaws.com"))),
                breach("forms served over HTTP", t -> map(distribution(t).get("DefaultCacheBehavior"))
                        .put("ViewerProtocolPolicy", "allow-all")),
                breach("forms bucket read without origin access control", t -> map(list(distribution(t).get("Origins")).get(0))
                        .remove("OriginAccessControlId")),
                breach("forms without HSTS", t -> map(map(properties(t, "FormsHeadersPolicy").get("ResponseHeadersPolicyConfig"))
                        .get("SecurityHeadersConfig")).remove("StrictTransportSecurity")),
                breach("forms that may be framed", t -> map(map(map(properties(t, "FormsHeadersPolicy")
                        .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig")).get("FrameOptions"))
                        .put("FrameOption", "SAMEORIGIN")),
                breach("forms bucket made public", t -> map(properties(t, "FormsBucket")
                        .get("PublicAccessBlockConfiguration")).put("BlockPublicPolicy", false)));
    }

    private static Map<String, Object> distribution(Map<String, Object> template) {
        return map(properties(template, "FormsDistribution").get("DistributionConfig"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void eachRuleCatchesItsBreach(String name, Consumer<Map<String, Object>> mutation) throws Exception {
        Map<String, Object> template = template();
        mutation.accept(template);

        assertFalse(TemplateRules.violations(template).isEmpty(), name + " went unnoticed");
    }

    @Test
    void theDenyInsecureTransportStatementMayNameS3Star() throws Exception {
        // the rule on wildcards applies to functions' Allow statements only
        Map<String, Object> template = template();
        assertTrue(TemplateRules.violations(template).stream().noneMatch(v -> v.contains("ReportsBucketPolicy")));
    }

    // ---------------------------------------------------------------- helpers

    private static Arguments breach(String name, Consumer<Map<String, Object>> mutation) {
        return Arguments.of(name, mutation);
    }

    private static Map<String, Object> resource(Map<String, Object> template, String id) {
        return map(map(template.get("Resources")).get(id));
    }

    private static Map<String, Object> properties(Map<String, Object> template, String id) {
        return map(resource(template, id).get("Properties"));
    }

    private static List<Map<String, Object>> statements(Map<String, Object> template, String function) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object policy : list(properties(template, function).get("Policies"))) {
            list(map(policy).get("Statement")).forEach(s -> result.add(map(s)));
        }
        return result;
    }

    private static Map<String, Object> firstStatement(Map<String, Object> template, String function) {
        return statements(template, function).get(0);
    }

    private static Map<String, Object> schedule(Map<String, Object> template) {
        return map(map(map(properties(template, "SummaryFunction").get("Events")).get("Nightly")).get("Properties"));
    }
}
