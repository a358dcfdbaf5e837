package cn.lanzhou.epidemic.donation.store;

import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.DonationItem.*;
import static cn.lanzhou.epidemic.common.store.Attrs.bool;
import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.s;

import cn.lanzhou.epidemic.common.store.Attrs;
import cn.lanzhou.epidemic.common.store.DayChanges;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.common.validation.Money;
import cn.lanzhou.epidemic.donation.domain.Donation;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Category;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.DonorType;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Item;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Kind;
import cn.lanzhou.epidemic.donation.domain.Donations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Donations in the data table ({@link Table.DonationItem}, docs/donations.md). Money attributes are
 * exact DynamoDB numbers; DynamoDB drops trailing zeros, so they are restored to scale 2 on reading.
 * A conditional put of the receipt's reservation makes each receipt number unique.
 */
public record DynamoDonations(Dynamo dynamo, String table) implements Donations {
    @Override
    public boolean reserveReceipt(String receiptNumber, String donationId, Instant at) {
        return dynamo.putIfAbsent(table, Map.of(
                PK, s(receiptPk(receiptNumber)),
                SK, s(RECEIPT_SK),
                DONATION_ID, s(donationId),
                RESERVED_AT, s(at.toString())));
    }

    @Override
    public void markDayChanged(LocalDate day, LocalDate today, Instant at) {
        dayChanges().markIfPast(day, today, at);
    }

    @Override
    public boolean putIfAbsent(Donation d) {
        return dynamo.putIfAbsent(table, toItem(d));
    }

    @Override
    public Optional<Donation> find(LocalDate localDate, String district, String id) {
        return dynamo.get(table, Attrs.key(DonationItem.pk(localDate, shard(id)), id))
                .map(DynamoDonations::fromItem);
    }

    static Map<String, AttributeValue> toItem(Donation d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(DonationItem.pk(d.localDate(), shard(d.id()))));
        item.put(SK, s(d.id()));
        item.put(ID, s(d.id()));
        item.put(RECEIPT_NUMBER, s(d.receiptNumber()));
        item.put(RECEIVED_AT, s(d.receivedAt().toString()));
        item.put(LOCAL_DATE, s(d.localDate().toString()));
        item.put(DISTRICT, s(d.district()));
        item.put(KIND, s(d.kind().name()));
        item.put(VALUE, n(d.value()));
        d.amount().ifPresent(a -> item.put(AMOUNT, n(a)));
        if (d.kind() == Kind.MATERIALS) {
            item.put(ITEMS, AttributeValue.fromL(d.items().stream().map(DynamoDonations::toItem).toList()));
        }
        item.put(DONOR_TYPE, s(d.donorType().name()));
        item.put(DONOR_NAME, s(d.donorName()));
        item.put(ANONYMOUS, bool(d.anonymous()));
        d.donorPhoneMasked().ifPresent(p -> item.put(DONOR_PHONE_MASKED, s(p)));
        d.recipient().ifPresent(r -> item.put(RECIPIENT, s(r)));
        d.note().ifPresent(v -> item.put(NOTE, s(v)));
        return item;
    }

    private static AttributeValue toItem(Item i) {
        return AttributeValue.fromM(Map.of(
                CATEGORY, s(i.category().name()),
                NAME, s(i.name()),
                QUANTITY, n(i.quantity()),
                UNIT, s(i.unit()),
                UNIT_VALUE, n(i.unitValue())));
    }

    static Donation fromItem(Map<String, AttributeValue> item) {
        AttributeValue items = item.get(ITEMS);
        List<Item> list = items == null || !items.hasL() ? List.of() : items.l().stream()
                .map(v -> v.m())
                .map(m -> new Item(Category.valueOf(Attrs.str(m, CATEGORY)), Attrs.str(m, NAME),
                        Attrs.num(m, QUANTITY), Attrs.str(m, UNIT), Money.normalise(Attrs.decimal(m, UNIT_VALUE))))
                .toList();
        return new Donation(
                Attrs.str(item, ID),
                Attrs.str(item, RECEIPT_NUMBER),
                Instant.parse(Attrs.str(item, RECEIVED_AT)),
                LocalDate.parse(Attrs.str(item, LOCAL_DATE)),
                Attrs.str(item, DISTRICT),
                Kind.valueOf(Attrs.str(item, KIND)),
                DonorType.valueOf(Attrs.str(item, DONOR_TYPE)),
                Attrs.flag(item, ANONYMOUS),
                Attrs.str(item, DONOR_NAME),
                Attrs.optStr(item, DONOR_PHONE_MASKED),
                Attrs.optStr(item, RECIPIENT),
                item.containsKey(AMOUNT) ? Optional.of(Money.normalise(Attrs.decimal(item, AMOUNT))) : Optional.empty(),
                list,
                Money.normalise(Attrs.decimal(item, VALUE)),
                Attrs.optStr(item, NOTE));
    }

    private DayChanges dayChanges() {
        return new DayChanges(dynamo, table);
    }
}
