package cn.lanzhou.epidemic.donation;

import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import cn.lanzhou.epidemic.donation.domain.Donation;
import cn.lanzhou.epidemic.donation.domain.DonationCommand;
import cn.lanzhou.epidemic.donation.domain.Donations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** Records a donation: a unique receipt number, the late-day mark when dated back, then the record. */
public final class DonationService {
    static final String ANONYMOUS_NAME = "匿名";
    /** 32^6 ≈ 10^9 numbers a day: a second collision in a row means something is wrong, not bad luck. */
    static final int RECEIPT_ATTEMPTS = 10;

    private final Donations donations;
    private final AppClock clock;
    private final Supplier<String> receiptSuffix;

    public DonationService(Donations donations, AppClock clock) {
        this(donations, clock, () -> Ids.randomCrockford(6));
    }

    DonationService(Donations donations, AppClock clock, Supplier<String> receiptSuffix) {
        this.donations = donations;
        this.clock = clock;
        this.receiptSuffix = receiptSuffix;
    }

    public Donation donate(DonationCommand command, Attempt attempt) {
        Instant receivedAt = attempt.receivedAt();
        LocalDate receivedOn = clock.localDate(receivedAt);
        LocalDate localDate = command.donatedOn().orElse(receivedOn);
        String receipt = reserveReceipt(attempt.recordId(), receivedOn, receivedAt);
        var donor = command.donor();
        Donation donation = new Donation(attempt.recordId(), receipt, receivedAt, localDate, command.district(),
                command.kind(), donor.type(), donor.anonymous(),
                donor.anonymous() ? ANONYMOUS_NAME : donor.name().orElseThrow(),
                donor.phone().map(MobilePhone::mask), command.recipient(), command.amount(), command.items(),
                command.value(), command.note());
        donations.markDayChanged(localDate, receivedOn, receivedAt);
        if (donations.putIfAbsent(donation)) {
            return donation;
        }
        // A retry of an Idempotency-Key whose first attempt stored the record and then died: the record
        // is the truth, with its own receipt number (the one reserved just now stays unused).
        return donations.find(localDate, command.district(), attempt.recordId())
                .orElseThrow(() -> new IllegalStateException("donation exists but cannot be read"));
    }

    private String reserveReceipt(String donationId, LocalDate receivedOn, Instant at) {
        String prefix = "DN-" + receivedOn.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        for (int i = 0; i < RECEIPT_ATTEMPTS; i++) {
            String candidate = prefix + receiptSuffix.get();
            if (donations.reserveReceipt(candidate, donationId, at)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free receipt number after " + RECEIPT_ATTEMPTS + " attempts");
    }
}
