package cn.lanzhou.epidemic.donation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Where donations are kept. Every write is a single conditional put; nothing is read before writing. */
public interface Donations {

    /** Claims a receipt number for a donation; false when the number is already taken. */
    boolean reserveReceipt(String receiptNumber, String donationId, Instant at);

    /** Tells the daily report that a past day's figures changed; called before the record is written. */
    void markDayChanged(LocalDate day, LocalDate today, Instant at);

    /** Stores the donation unless a record with its id exists; true when this call stored it. */
    boolean putIfAbsent(Donation donation);

    Optional<Donation> find(LocalDate localDate, String district, String id);
}
