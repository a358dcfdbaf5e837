package cn.lanzhou.epidemic.registration.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.testing.FakeDynamoDb;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.registration.Fixture;
import cn.lanzhou.epidemic.person.IdType;
import cn.lanzhou.epidemic.registration.domain.Registration;
import cn.lanzhou.epidemic.registration.domain.RiskLevel;
import cn.lanzhou.epidemic.person.SiteType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** The store's order of writes and its answer to a re-run, against a recording client (no I/O). */
class DynamoRegistrationsStoreTest {

    /** Keeps items by (pk, sk) and honours {@code attribute_not_exists(pk)}, recording each put. */
    static final class RecordingClient extends FakeDynamoDb {
        final Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        final List<String> puts = new ArrayList<>();

        private static String key(Map<String, AttributeValue> item) {
            return item.get("pk").s() + "|" + item.get("sk").s();
        }

        @Override
        public synchronized PutItemResponse putItem(PutItemRequest request) {
            puts.add(request.item().get("pk").s());
            if (request.conditionExpression() != null && items.containsKey(key(request.item()))) {
                throw FakeDynamoDb.conditionFailed();
            }
            items.put(key(request.item()), request.item());
            return PutItemResponse.builder().build();
        }

        @Override
        public synchronized GetItemResponse getItem(GetItemRequest request) {
            return GetItemResponse.builder().item(items.get(key(request.key()))).build();
        }
    }

    private final RecordingClient client = new RecordingClient();
    /** 14 February 2020, noon in Lanzhou. */
    private final AppClock clock = new AppClock(Clock.fixed(Instant.parse("2020-02-14T04:00:00Z"), ZoneOffset.UTC),
            Fixture.SHANGHAI);
    private final DynamoRegistrations store = new DynamoRegistrations(new Dynamo(client), "DataTable", clock);

    private static Registration on(LocalDate date, String id, String name) {
        return new Registration(id, Instant.parse("2020-02-14T04:00:00Z"), Instant.parse("2020-02-14T04:00:00Z"), date,
                "chengguan", SiteType.CHECKPOINT, "G312", name, IdType.RESIDENT_ID, "h", "1***************2X", "p",
                "138****8000", Optional.empty(), Optional.empty(), List.of(), false,
                Optional.of(new BigDecimal("36.5")), Set.of(), Optional.empty(), false, RiskLevel.LOW, Optional.empty());
    }

    @Test
    void aRegistrationForTodayIsOnePut() {
        Registration r = on(LocalDate.of(2020, 2, 14), "01ID", "A");
        assertSame(r, store.addIfAbsent(r));
        assertEquals(1, client.puts.size());
    }

    @Test
    void aLateRegistrationMarksItsDayBeforeTheRecordIsWritten() {
        store.addIfAbsent(on(LocalDate.of(2020, 2, 12), "01ID", "A"));
        assertEquals(List.of("CHANGED", "REG#2020-02-12#" + Table.shard("01ID")), client.puts);
        assertEquals("2020-02-12", client.items.get("CHANGED|2020-02-12").get("sk").s());
    }

    @Test
    void aRunAgainAfterACrashAnswersWithTheStoredRecordAndWritesNoSecondOne() {
        Registration first = on(LocalDate.of(2020, 2, 14), "01ID", "A");
        store.addIfAbsent(first);
        Registration found = store.addIfAbsent(on(LocalDate.of(2020, 2, 14), "01ID", "B"));
        assertEquals(first, found);
        assertEquals(1, client.items.size());
    }
}
