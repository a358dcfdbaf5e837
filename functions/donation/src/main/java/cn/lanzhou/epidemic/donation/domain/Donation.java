package cn.lanzhou.epidemic.donation.domain;

import cn.lanzhou.epidemic.donation.domain.DonationCommand.DonorType;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Item;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A recorded donation. {@code donorName} is what the store keeps: 匿名 for an anonymous donor.
 * Only a masked phone is kept: nothing in the system calls or matches donors by phone, so neither
 * the full number nor a hash of it has a purpose.
 */
public record Donation(String id, String receiptNumber, Instant receivedAt, LocalDate localDate, String district,
        Kind kind, DonorType donorType, boolean anonymous, String donorName, Optional<String> donorPhoneMasked,
        Optional<String> recipient, Optional<BigDecimal> amount, List<Item> items, BigDecimal value,
        Optional<String> note) {
}
