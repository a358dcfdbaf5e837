package cn.lanzhou.epidemic.reopening.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.validation.Errors;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.reopening.Fixtures;
import cn.lanzhou.epidemic.reopening.ReopeningService;
import cn.lanzhou.epidemic.reopening.domain.ApplicationForm;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.HistoryEntry;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplications;
import cn.lanzhou.epidemic.reopening.domain.StaffCommands;
import cn.lanzhou.epidemic.reopening.domain.Status;
import cn.lanzhou.epidemic.reopening.domain.Transition;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB store against a real DynamoDB-compatible server (dynalite): run with
 * {@code DYNAMODB_ENDPOINT=http://localhost:PORT}; skipped otherwise. Creates its own table with
 * the key schema of template.yaml's DataTable, then exercises the store through a client built as
 * the functions build theirs ({@link Clients#configure}).
 */
@EnabledIfEnvironmentVariable(named = "DYNAMODB_ENDPOINT", matches = ".+")
class DynamoReopeningApplicationsTest {
    private static DynamoDbClient client;
    private static String table;
    private static DynamoReopeningApplications store;

    @BeforeAll
    static void createTable() {
        client = Clients.configure(DynamoDbClient.builder())
                .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        table = "reopening-test-" + System.nanoTime();
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("GSI1")
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        client.waiter().waitUntilTableExists(b -> b.tableName(table));
        store = new DynamoReopeningApplications(new Dynamo(client), table);
    }

    @AfterAll
    static void dropTable() {
        client.deleteTable(b -> b.tableName(table));
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static ReopeningApplication application(String district, Instant at) throws Exception {
        String body = Fixtures.body().replace("\"chengguan\"", "\"" + district + "\"");
        ApplicationForm form = ApplicationForm.read(Fields.root(Json.parse(body), false, new Errors()),
                Fixtures.districts(), LocalDate.parse("2020-02-13"));
        return ReopeningApplication.submitted(Ids.random(at), form, at, LocalDate.parse("2020-02-13"));
    }

    @Test
    void anApplicationRoundTripsAndIsCreatedOnce() throws Exception {
        ReopeningApplication app = application("chengguan", Fixtures.NOW);
        assertTrue(store.create(app));
        assertFalse(store.create(app));
        assertEquals(Optional.of(app), store.find(app.id()));
    }

    @Test
    void aTransitionIsConditionalOnVersionAndStatusAndAppendsHistory() throws Exception {
        ReopeningApplication app = application("xigu", Fixtures.NOW);
        store.create(app);
        HistoryEntry approve = new HistoryEntry(Fixtures.NOW, "staff-1", Status.SUBMITTED, Status.APPROVED, null, "a1");
        ReopeningApplication approved = store.apply(new Transition(app.id(), 1, approve, LocalDate.parse("2020-02-13"))).orElseThrow();
        assertEquals(app.after(new Transition(app.id(), 1, approve, LocalDate.parse("2020-02-13"))), approved);
        assertEquals(Optional.empty(), store.apply(new Transition(app.id(), 1, approve, LocalDate.parse("2020-02-13"))));
        HistoryEntry reopen = new HistoryEntry(Fixtures.NOW, "staff-2", Status.APPROVED, Status.REOPENED, null, "a2");
        ReopeningApplication reopened = store.apply(new Transition(app.id(), 2, reopen, LocalDate.parse("2020-02-13"))).orElseThrow();
        assertEquals(Status.REOPENED, reopened.status());
        assertEquals(3, reopened.history().size());
        assertEquals(LocalDate.parse("2020-02-13"), reopened.reopenedOn());
    }

    @Test
    void theLockIsTakenOnceTakenOverOnlyFromItsHolderAndReleasedOnlyByIt() {
        String code = "LOCKTEST" + System.nanoTime();
        assertTrue(store.locks().take(code, "A", Fixtures.NOW));
        assertFalse(store.locks().take(code, "B", Fixtures.NOW));
        assertEquals("A", store.locks().held(code).orElseThrow().holder());
        assertFalse(store.locks().takeOver(code, "X", "B", Fixtures.NOW));
        assertTrue(store.locks().takeOver(code, "A", "B", Fixtures.NOW));
        store.locks().release(code, "A");
        assertEquals("B", store.locks().held(code).orElseThrow().holder());
        store.locks().release(code, "B");
        assertEquals(Optional.empty(), store.locks().held(code));
    }

    @Test
    void slicesAreNewestFirstFilteredAndResumeAfterAPosition() throws Exception {
        List<ReopeningApplication> apps = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ReopeningApplication app = application("honggu", Fixtures.NOW.plusMillis(i * 1000L));
            store.create(app);
            apps.add(app);
        }
        HistoryEntry reject = new HistoryEntry(Fixtures.NOW, "s", Status.SUBMITTED, Status.REJECTED, "x", "r");
        store.apply(new Transition(apps.get(5).id(), 1, reject, LocalDate.parse("2020-02-13")));
        var first = store.slice("honggu", Optional.empty(), 3, "");
        assertEquals(List.of(apps.get(6).id(), apps.get(5).id(), apps.get(4).id()), first.items().stream().map(a -> a.id()).toList());
        assertTrue(first.more());
        var rest = store.slice("honggu", Optional.empty(), 10, ReopeningApplications.position(first.items().get(2)));
        assertEquals(4, rest.items().size());
        assertFalse(rest.more());
        var submitted = store.slice("honggu", Optional.of(Status.SUBMITTED), 2, "");
        assertEquals(List.of(apps.get(6).id(), apps.get(4).id()), submitted.items().stream().map(a -> a.id()).toList());
        var rejected = store.slice("honggu", Optional.of(Status.REJECTED), 5, "");
        assertEquals(1, rejected.items().size());
        assertFalse(rejected.more());
    }

    @Test
    void twentyConcurrentDecisionsAgainstTheRealStoreMakeOneTransition() throws Exception {
        ReopeningService service = new ReopeningService(store, Fixtures.districts(), Fixtures.clock());
        String body = Fixtures.body(Fixtures.OTHER_CREDIT_CODE);
        ApplicationForm form = ApplicationForm.read(Fields.root(Json.parse(body), false, new Errors()),
                Fixtures.districts(), LocalDate.parse("2020-02-13"));
        ReopeningApplication app = service.submit(form, new Attempt(Ids.random(Fixtures.NOW), Fixtures.NOW, false));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            var decision = new StaffCommands.Decision(i % 2 == 0 ? Status.APPROVED : Status.REJECTED, "r", 1);
            String actor = "staff-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    service.decide(app.id(), decision, actor, new Attempt(Ids.random(Instant.now()), Instant.now(), false));
                    return 200;
                } catch (cn.lanzhou.epidemic.common.problem.Problem p) {
                    return p.status();
                }
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(2, store.find(app.id()).orElseThrow().history().size());
    }
}
