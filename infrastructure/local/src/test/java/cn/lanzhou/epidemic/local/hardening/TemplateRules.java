package cn.lanzhou.epidemic.local.hardening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security and reliability rules template.yaml must keep (SECURITY.md, "Template guarantees"),
 * as a list of violations of a template loaded with {@code TemplateReader.load} (unresolved, short
 * tags in their long form). Kept apart from the test so that the test can also prove each rule
 * catches what it should, on mutated copies of the template.
 */
final class TemplateRules {
    /** S3 actions on objects: the only actions whose resource may end in an object-key prefix wildcard. */
    static final Set<String> S3_OBJECT_ACTIONS = Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "s3:GetObjectVersion", "s3:GetObjectAttributes", "s3:GetObjectTagging", "s3:PutObjectTagging",
            "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
    /** Functions that nothing waits on over HTTP, so their Timeout may exceed API Gateway's 30 s. */
    static final Set<String> LONG_RUNNING_FUNCTIONS = Set.of("SummaryFunction");

    private final Map<String, Object> template;
    private final Map<String, Object> resources;
    private final List<String> violations = new ArrayList<>();

    private TemplateRules(Map<String, Object> template) {
        this.template = template;
        this.resources = map(template.get("Resources"));
    }

    static List<String> violations(Map<String, Object> template) {
        TemplateRules rules = new TemplateRules(template);
        rules.check();
        return rules.violations;
    }

    private void check() {
        int tables = 0;
        int buckets = 0;
        int apis = 0;
        for (var entry : resources.entrySet()) {
            String id = entry.getKey();
            Map<String, Object> resource = map(entry.getValue());
            Map<String, Object> properties = map(resource.get("Properties"));
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::DynamoDB::Table" -> {
                    tables++;
                    table(id, resource, properties);
                }
                case "AWS::S3::Bucket" -> {
                    buckets++;
                    bucket(id, properties);
                }
                case "AWS::Serverless::HttpApi" -> {
                    apis++;
                    httpApi(id, properties);
                }
                case "AWS::Serverless::Function" -> function(id, properties);
                default -> { }
            }
        }
        if (tables == 0 || buckets == 0 || apis == 0) {
            violations.add("the template has no table, bucket or HttpApi: nothing was checked");
        }
        partitions(template, "");
        forms();
        Object globalTimeout = map(map(template.get("Globals")).get("Function")).get("Timeout");
        if (globalTimeout != null && number(globalTimeout) >= 30) {
            violations.add("Globals.Function.Timeout " + globalTimeout + " is not below 30 s");
        }
    }

    /** One template for both partitions: ARNs through AWS::Partition, host names through AWS::URLSuffix. */
    private void partitions(Object node, String path) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> partitions(value, path + "/" + key));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                partitions(l.get(i), path + "/" + i);
            }
        } else if (node instanceof String text) {
            if (text.contains("amazonaws.com")) {
                violations.add(path + ": a literal amazonaws.com (China's endpoints end in amazonaws.com.cn; use ${AWS::URLSuffix})");
            }
            if (text.contains("arn:aws:")) {
                violations.add(path + ": an ARN with a literal partition (use arn:${AWS::Partition}:)");
            }
        }
    }

    /** The forms: a private bucket read through origin access control, HTTPS only, the security headers set. */
    private void forms() {
        Map<String, Object> distribution = map(map(map(resources.get("FormsDistribution")).get("Properties")).get("DistributionConfig"));
        if (distribution.isEmpty()) {
            violations.add("FormsDistribution: the forms are not hosted (no CloudFront distribution)");
            return;
        }
        Map<String, Object> behaviour = map(distribution.get("DefaultCacheBehavior"));
        if (!"redirect-to-https".equals(behaviour.get("ViewerProtocolPolicy"))
                && !"https-only".equals(behaviour.get("ViewerProtocolPolicy"))) {
            violations.add("FormsDistribution: ViewerProtocolPolicy must send HTTP to HTTPS");
        }
        for (Object o : list(distribution.get("Origins"))) {
            Map<String, Object> origin = map(o);
            if (!text(origin.get("OriginAccessControlId")).contains("FormsOriginAccessControl")) {
                violations.add("FormsDistribution: origin " + origin.get("Id") + " must read the bucket through origin access control");
            }
        }
        Map<String, Object> headers = map(map(map(map(resources.get("FormsHeadersPolicy")).get("Properties"))
                .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        for (String header : List.of("ContentSecurityPolicy", "StrictTransportSecurity", "ContentTypeOptions", "FrameOptions",
                "ReferrerPolicy")) {
            if (!isTrue(map(headers.get(header)).get("Override"))) {
                violations.add("FormsHeadersPolicy: " + header + " must be set (Override true)");
            }
        }
        if (!"DENY".equals(map(headers.get("FrameOptions")).get("FrameOption"))) {
            violations.add("FormsHeadersPolicy: frames must be denied");
        }
        if (!text(map(headers.get("ContentSecurityPolicy")).get("ContentSecurityPolicy")).contains("default-src 'self'")) {
            violations.add("FormsHeadersPolicy: the CSP must start from default-src 'self'");
        }
        if (!text(behaviour.get("ResponseHeadersPolicyId")).contains("FormsHeadersPolicy")) {
            violations.add("FormsDistribution: the default behaviour must use FormsHeadersPolicy");
        }
    }

    private void table(String id, Map<String, Object> resource, Map<String, Object> properties) {
        if (!"Retain".equals(resource.get("DeletionPolicy"))) {
            violations.add(id + ": DeletionPolicy must be Retain");
        }
        if (!isTrue(properties.get("DeletionProtectionEnabled"))) {
            violations.add(id + ": DeletionProtectionEnabled must be true");
        }
        if (!isTrue(map(properties.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
            violations.add(id + ": point-in-time recovery must be enabled");
        }
    }

    private void bucket(String id, Map<String, Object> properties) {
        Map<String, Object> block = map(properties.get("PublicAccessBlockConfiguration"));
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            if (!isTrue(block.get(setting))) {
                violations.add(id + ": PublicAccessBlockConfiguration." + setting + " must be true");
            }
        }
        boolean ownerEnforced = list(map(properties.get("OwnershipControls")).get("Rules")).stream()
                .anyMatch(rule -> "BucketOwnerEnforced".equals(map(rule).get("ObjectOwnership")));
        if (!ownerEnforced) {
            violations.add(id + ": OwnershipControls must be BucketOwnerEnforced");
        }
        boolean encrypted = list(map(properties.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).stream()
                .map(rule -> map(map(rule).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"))
                .anyMatch(algorithm -> Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(String.valueOf(algorithm)));
        if (!encrypted) {
            violations.add(id + ": BucketEncryption with a default SSE algorithm is required");
        }
        if (!deniesInsecureTransport(id)) {
            violations.add(id + ": a bucket policy must Deny every principal when aws:SecureTransport is false,"
                    + " on the bucket and its objects");
        }
    }

    private boolean deniesInsecureTransport(String bucketId) {
        for (Object value : resources.values()) {
            Map<String, Object> resource = map(value);
            if (!"AWS::S3::BucketPolicy".equals(resource.get("Type"))) {
                continue;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            if (!bucketId.equals(map(properties.get("Bucket")).get("Ref"))) {
                continue;
            }
            for (Object s : list(map(properties.get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(s);
                Object secure = map(map(statement.get("Condition")).get("Bool")).get("aws:SecureTransport");
                List<String> actions = strings(statement.get("Action"));
                List<String> targets = list(statement.get("Resource")).stream().map(TemplateRules::text).toList();
                boolean everyone = "*".equals(statement.get("Principal"))
                        || "*".equals(map(statement.get("Principal")).get("AWS"));
                if ("Deny".equals(statement.get("Effect")) && everyone && "false".equals(String.valueOf(secure))
                        && (actions.contains("s3:*"))
                        && targets.stream().anyMatch(t -> t.contains(bucketId) && !t.endsWith("/*"))
                        && targets.stream().anyMatch(t -> t.contains(bucketId) && t.endsWith("/*"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void httpApi(String id, Map<String, Object> properties) {
        Map<String, Object> settings = map(properties.get("DefaultRouteSettings"));
        for (String limit : List.of("ThrottlingBurstLimit", "ThrottlingRateLimit")) {
            Object value = settings.get(limit);
            if (value == null || number(value) <= 0) {
                violations.add(id + ": DefaultRouteSettings." + limit + " must be set (route throttling)");
            }
        }
    }

    private void function(String id, Map<String, Object> properties) {
        Object timeout = properties.get("Timeout");
        if (timeout != null && number(timeout) >= 30 && !LONG_RUNNING_FUNCTIONS.contains(id)) {
            violations.add(id + ": Timeout " + timeout + " is not below API Gateway's 30 s");
        }
        for (Object policy : list(properties.get("Policies"))) {
            Map<String, Object> document = map(policy);
            if (!document.containsKey("Statement") || document.size() != 1) {
                violations.add(id + ": only inline policy statements are allowed (named and SAM template policies"
                        + " hide their actions and resources): " + policy);
                continue;
            }
            for (Object s : list(document.get("Statement"))) {
                statement(id, map(s));
            }
        }
        for (var event : map(properties.get("Events")).entrySet()) {
            Map<String, Object> e = map(event.getValue());
            String type = String.valueOf(e.get("Type"));
            if (type.equals("ScheduleV2") || type.equals("Schedule")) {
                Map<String, Object> p = map(e.get("Properties"));
                if (map(p.get("RetryPolicy")).get("MaximumRetryAttempts") == null) {
                    violations.add(id + "." + event.getKey() + ": a schedule needs RetryPolicy.MaximumRetryAttempts");
                }
                if (p.get("DeadLetterConfig") == null) {
                    violations.add(id + "." + event.getKey() + ": a schedule needs a DeadLetterConfig");
                }
            }
        }
    }

    private void statement(String function, Map<String, Object> statement) {
        if (!"Allow".equals(statement.get("Effect"))) {
            return;
        }
        if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
            violations.add(function + ": NotAction/NotResource grant everything else");
        }
        List<String> actions = strings(statement.get("Action"));
        if (actions.isEmpty()) {
            violations.add(function + ": an Allow statement without actions");
        }
        for (String action : actions) {
            if (action.contains("*") || action.contains("?")) {
                violations.add(function + ": wildcard action " + action);
            }
        }
        List<Object> resources = list(statement.get("Resource"));
        if (resources.isEmpty()) {
            violations.add(function + ": an Allow statement without resources");
        }
        for (Object r : resources) {
            String resource = text(r);
            if (resource.strip().equals("*")) {
                violations.add(function + ": resource *");
                continue;
            }
            int star = resource.indexOf('*');
            if (star < 0) {
                continue;
            }
            boolean prefixWildcard = star == resource.length() - 1 && resource.matches(".*\\}/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/\\*");
            if (!prefixWildcard || !S3_OBJECT_ACTIONS.containsAll(actions)) {
                violations.add(function + ": wildcard resource " + resource
                        + " (only S3 object actions may end in an object-key prefix wildcard such as ${Bucket.Arn}/reports/daily/*)");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A resource as text: a literal, the text of Fn::Sub, or the intrinsic's own form (Ref/GetAtt hold no wildcard). */
    private static String text(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Object sub = m.get("Fn::Sub");
            if (sub != null) {
                return sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub);
            }
        }
        return String.valueOf(value);
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static double number(Object value) {
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE; // an intrinsic or a parameter: cannot be shown to be small enough
        }
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }
}
