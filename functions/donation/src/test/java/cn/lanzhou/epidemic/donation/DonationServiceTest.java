package cn.lanzhou.epidemic.donation;

import static cn.lanzhou.epidemic.donation.Fixtures.DISTRICTS;
import static cn.lanzhou.epidemic.donation.Fixtures.NOW;
import static cn.lanzhou.epidemic.donation.Fixtures.TODAY;
import static cn.lanzhou.epidemic.donation.Fixtures.clock;
import static cn.lanzhou.epidemic.donation.Fixtures.funds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.donation.domain.Donation;
import cn.lanzhou.epidemic.donation.domain.DonationCommand;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DonationServiceTest {
    private static final Pattern RECEIPT = Pattern.compile("DN-\\d{8}-[0-9A-HJKMNP-TV-Z]{6}");

    private static DonationCommand command(ObjectNode body) {
        ApiRequest api = new ApiRequest(Requests.route("POST /donations", "/donations").json(Json.write(body)).build());
        return DonationCommand.read(RequestBody.read(api), DISTRICTS, TODAY);
    }

    private static Attempt attempt(Instant at) {
        return new Attempt(Ids.random(at), at, false);
    }

    @Test
    void aReceiptNumberIsDnTheLocalDateReceivedAndSixCrockfordCharacters() {
        InMemoryDonations store = new InMemoryDonations();
        Donation d = new DonationService(store, clock(NOW)).donate(command(funds()), attempt(NOW));
        assertTrue(RECEIPT.matcher(d.receiptNumber()).matches(), d.receiptNumber());
        assertTrue(d.receiptNumber().startsWith("DN-20200213-"));
        assertEquals(d.id(), store.receipts.get(d.receiptNumber()));
    }

    @Test
    void theReceiptDateIsTheLocalDateInShanghaiNotTheUtcDate() {
        Instant lateEvening = Instant.parse("2020-02-13T17:30:00Z"); // 01:30 on the 14th in Lanzhou
        Donation d = new DonationService(new InMemoryDonations(), clock(lateEvening)).donate(command(funds()), attempt(lateEvening));
        assertTrue(d.receiptNumber().startsWith("DN-20200214-"), d.receiptNumber());
        assertEquals("2020-02-14", d.localDate().toString());
    }

    @Test
    void aTakenReceiptNumberIsRetriedWithAnother() {
        InMemoryDonations store = new InMemoryDonations().collideNext(2);
        Iterator<String> suffixes = List.of("AAAAAA", "BBBBBB", "CCCCCC").iterator();
        Donation d = new DonationService(store, clock(NOW), suffixes::next).donate(command(funds()), attempt(NOW));
        assertEquals(List.of("DN-20200213-AAAAAA", "DN-20200213-BBBBBB", "DN-20200213-CCCCCC"), store.receiptAttempts);
        assertEquals("DN-20200213-CCCCCC", d.receiptNumber());
        assertEquals("DN-20200213-CCCCCC", store.byId.get(d.id()).receiptNumber());
    }

    @Test
    void aReceiptNumberHeldByAnotherDonationIsNeverReused() {
        InMemoryDonations store = new InMemoryDonations();
        Iterator<String> suffixes = List.of("AAAAAA", "AAAAAA", "BBBBBB").iterator();
        DonationService service = new DonationService(store, clock(NOW), suffixes::next);
        Donation first = service.donate(command(funds()), attempt(NOW));
        Donation second = service.donate(command(funds()), attempt(NOW));
        assertEquals("DN-20200213-AAAAAA", first.receiptNumber());
        assertEquals("DN-20200213-BBBBBB", second.receiptNumber());
    }

    @Test
    void endlessCollisionsFailInsteadOfLoopingForever() {
        InMemoryDonations store = new InMemoryDonations().collideNext(Integer.MAX_VALUE);
        DonationService service = new DonationService(store, clock(NOW));
        assertThrows(IllegalStateException.class, () -> service.donate(command(funds()), attempt(NOW)));
        assertEquals(DonationService.RECEIPT_ATTEMPTS, store.receiptAttempts.size());
        assertTrue(store.byId.isEmpty());
    }

    @Test
    void anAnonymousDonorIsStoredAs匿名() {
        ObjectNode body = funds();
        ((ObjectNode) body.get("donor")).put("anonymous", true);
        InMemoryDonations store = new InMemoryDonations();
        Donation d = new DonationService(store, clock(NOW)).donate(command(body), attempt(NOW));
        assertEquals("匿名", store.byId.get(d.id()).donorName());
        assertTrue(store.byId.get(d.id()).anonymous());
    }

    @Test
    void onlyAMaskedPhoneIsKept() {
        InMemoryDonations store = new InMemoryDonations();
        Donation d = new DonationService(store, clock(NOW)).donate(command(funds()), attempt(NOW));
        assertEquals("138****1234", store.byId.get(d.id()).donorPhoneMasked().orElseThrow());
    }

    @Test
    void aDonationDatedBackMarksThatDayChangedAndIsFiledUnderIt() {
        ObjectNode body = funds().put("donatedOn", "2020-02-10");
        InMemoryDonations store = new InMemoryDonations();
        Donation d = new DonationService(store, clock(NOW)).donate(command(body), attempt(NOW));
        assertEquals("2020-02-10", d.localDate().toString());
        assertTrue(d.receiptNumber().startsWith("DN-20200213-"), "the receipt carries the date received");
        assertEquals(List.of(TODAY.minusDays(3)), store.changedDays);
    }

    @Test
    void aDonationForTodayMarksNothing() {
        InMemoryDonations store = new InMemoryDonations();
        new DonationService(store, clock(NOW)).donate(command(funds().put("donatedOn", "2020-02-13")), attempt(NOW));
        assertTrue(store.changedDays.isEmpty());
    }

    @Test
    void aRerunAfterACrashAnswersWithTheStoredRecordAndItsOriginalReceipt() {
        InMemoryDonations store = new InMemoryDonations();
        Attempt attempt = new Attempt(Ids.derived(NOW, "key"), NOW, true);
        Donation first = new DonationService(store, clock(NOW)).donate(command(funds()), attempt);
        // the first attempt died after writing; the retry takes the key over with the same attempt
        Donation again = new DonationService(store, clock(NOW.plusSeconds(30))).donate(command(funds()), attempt);
        assertEquals(first.receiptNumber(), again.receiptNumber());
        assertEquals(first.id(), again.id());
        assertEquals(1, store.byId.size());
    }
}
