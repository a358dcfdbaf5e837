package cn.lanzhou.epidemic.donation;

import cn.lanzhou.epidemic.donation.domain.Donation;
import cn.lanzhou.epidemic.donation.domain.Donations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Donations in maps, with the conditional semantics of the DynamoDB store; can pretend receipt numbers are taken. */
public final class InMemoryDonations implements Donations {
    public final Map<String, String> receipts = new LinkedHashMap<>();
    public final Map<String, Donation> byId = new LinkedHashMap<>();
    public final List<LocalDate> changedDays = new ArrayList<>();
    public final List<String> receiptAttempts = new ArrayList<>();
    private int collisionsLeft;

    /** The next {@code n} receipt reservations fail as if another donation held the number. */
    InMemoryDonations collideNext(int n) {
        collisionsLeft = n;
        return this;
    }

    @Override
    public synchronized boolean reserveReceipt(String receiptNumber, String donationId, Instant at) {
        receiptAttempts.add(receiptNumber);
        if (collisionsLeft > 0) {
            collisionsLeft--;
            return false;
        }
        return receipts.putIfAbsent(receiptNumber, donationId) == null;
    }

    @Override
    public synchronized void markDayChanged(LocalDate day, LocalDate today, Instant at) {
        if (day.isBefore(today)) {
            changedDays.add(day);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(Donation donation) {
        return byId.putIfAbsent(donation.id(), donation) == null;
    }

    @Override
    public synchronized Optional<Donation> find(LocalDate localDate, String district, String id) {
        return Optional.ofNullable(byId.get(id))
                .filter(d -> d.localDate().equals(localDate) && d.district().equals(district));
    }
}
