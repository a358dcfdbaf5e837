package cn.lanzhou.epidemic.local.hardening;

import cn.lanzhou.epidemic.local.LocalNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.OutputCapture;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The last class of the run (junit-platform.properties orders classes by {@code @Order}): every line
 * the test JVM printed (functions' logs included), every response body the {@link Api} helper saw and
 * every object of the reports bucket hold no full resident ID number and no full mobile number.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(LocalStackExtension.class)
class PersonalDataScanTest {
    /** Report files of stacks that other classes started and closed (their buckets are gone by now). */
    private static final Map<String, byte[]> FOREIGN_REPORT_FILES = new ConcurrentHashMap<>();

    static void keepReportFile(String name, byte[] content) {
        FOREIGN_REPORT_FILES.put(name, content);
    }

    @Test
    void noLogLineResponseOrReportFileOfTheSuiteHoldsAFullIdNumberOrMobile(Api api, LocalStack stack) {
        PersonalDataScanner scanner = new PersonalDataScanner(Samples.today());
        List<PersonalDataScanner.Hit> hits = new ArrayList<>();

        Map<String, byte[]> reportFiles = new java.util.TreeMap<>(FOREIGN_REPORT_FILES);
        reportFiles.putAll(reportsBucket(stack));
        reportFiles.forEach((key, bytes) -> hits.addAll(scanner.scan("s3:" + key, new String(bytes, StandardCharsets.UTF_8))));

        List<Api.Seen> responses = Api.seen();
        int contactPhonesShownToStaff = 0;
        for (Api.Seen response : responses) {
            String body = response.body();
            if (isStaffDetails(response)) {
                // openapi.yaml: the staff view of an application shows its contact in full; only that one field is exempt
                ObjectNode details = (ObjectNode) Samples.object(body);
                if (details.path("contact").isObject() && ((ObjectNode) details.get("contact")).remove("phone") != null) {
                    contactPhonesShownToStaff++;
                }
                body = Samples.write(details);
            }
            hits.addAll(scanner.scan("response to " + response.method() + " " + response.path(), body));
        }
        String console = OutputCapture.captured();
        hits.addAll(scanner.scan("console", console));

        System.out.println("[personal-data] scanned " + console.lines().count() + " console lines, " + responses.size()
                + " response bodies (" + contactPhonesShownToStaff + " staff details views with their contact.phone left out), "
                + reportFiles.size() + " report files: " + hits.size() + " hits");
        assertTrue(OutputCapture.installed(), "the console tee is not installed: the scan would see nothing");
        assertTrue(responses.size() > 100, "too few responses seen for a meaningful scan: " + responses.size());
        assertTrue(!reportFiles.isEmpty(), "no report file to scan");
        assertEquals(List.of(), hits.stream().limit(20).toList(), hits.size() + " full identifiers found");
    }

    /** A 200 to a token-bearing GET /reopenings/{id}/details: the one answer whose contract carries a full phone. */
    static boolean isStaffDetails(Api.Seen response) {
        return response.method().equals("GET") && response.withToken() && response.status() == 200
                && response.path().matches("/reopenings/[^/]+/details");
    }

    private static Map<String, byte[]> reportsBucket(LocalStack stack) {
        String bucket = LocalNames.REPORTS_BUCKET;
        Map<String, byte[]> files = new java.util.TreeMap<>();
        if (bucket == null) {
            return files;
        }
        try (S3Client s3 = LocalResources.s3(stack.s3Endpoint())) {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                files.put(object.key(), s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray());
            }
        }
        return files;
    }
}
