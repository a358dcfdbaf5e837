package cn.lanzhou.epidemic.donation.domain;

import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.common.validation.Messages;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import cn.lanzhou.epidemic.common.validation.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A valid {@code POST /donations} body (openapi.yaml). {@link #read} checks every rule and reports every
 * bad field at once; a command that exists is valid. Money is exact: {@code amount} and each
 * {@code unitValue} have scale 2.
 */
public record DonationCommand(Donor donor, String district, Optional<String> recipient, Kind kind,
        Optional<BigDecimal> amount, List<Item> items, Optional<LocalDate> donatedOn, Optional<String> note) {

    public enum Kind { FUNDS, MATERIALS }

    public enum DonorType { INDIVIDUAL, ORGANIZATION }

    public enum Category { MASK, PROTECTIVE_SUIT, GOGGLES, MEDICAL_GLOVES, DISINFECTANT, THERMOMETER, FOOD, OTHER }

    /** {@code name} is empty only for an anonymous donor; {@code phone} is normalised (11 digits). */
    public record Donor(Optional<String> name, DonorType type, Optional<String> phone, boolean anonymous) {
    }

    public record Item(Category category, String name, long quantity, String unit, BigDecimal unitValue) {
        public BigDecimal value() {
            return Money.times(quantity, unitValue);
        }
    }

    static final int MAX_DAYS_BACK = 365;
    static final int MAX_ITEMS = 50;
    static final long MAX_QUANTITY = 10_000_000L;

    static final String UNKNOWN_DISTRICT = "未知的区县代码 / Unknown district code";
    static final String NOT_MOBILE = "应为中国大陆手机号码 / Must be a mainland China mobile number";
    static final String AMOUNT_NOT_FOR_MATERIALS = "物资捐赠不填写金额，请填写物资明细 / Not allowed for MATERIALS: list the items instead";
    static final String ITEMS_NOT_FOR_FUNDS = "资金捐赠不填写物资明细 / Not allowed for FUNDS: give the amount instead";
    static final String FUTURE = "捐赠日期不能晚于今天 / Must not be in the future";
    static final String TOO_OLD = "捐赠日期不能早于 " + MAX_DAYS_BACK + " 天前 / Must not be more than "
            + MAX_DAYS_BACK + " days ago";

    /** The donation's value: the amount, or Σ quantity × unitValue, exact. */
    public BigDecimal value() {
        return kind == Kind.FUNDS ? amount.orElseThrow() : Money.sum(items.stream().map(Item::value).toList());
    }

    /**
     * Reads and checks the body; throws the 400 problem listing every bad field.
     *
     * @param today the local date "now", for the bounds of {@code donatedOn}
     */
    public static DonationCommand read(Fields body, Districts districts, LocalDate today) {
        Donor donor = readDonor(body);

        String district = body.requiredString("district", 1, 64);
        if (district != null && !districts.contains(district)) {
            body.error("district", "unknown-district", UNKNOWN_DISTRICT);
        }
        Optional<String> recipient = body.string("recipient", 0, 100).filter(s -> !s.isEmpty());
        Kind kind = body.requiredEnum("kind", Kind.class);

        Optional<BigDecimal> amount = Optional.empty();
        if (kind == Kind.MATERIALS) {
            if (body.present("amount")) {
                body.error("amount", "not-allowed", AMOUNT_NOT_FOR_MATERIALS);
            }
        } else if (kind == Kind.FUNDS && !body.present("amount")) {
            body.error("amount", "required", Messages.REQUIRED);
        } else {
            // FUNDS, or a kind that is itself invalid: check whatever amount was sent
            amount = Money.positive(body, "amount");
        }

        List<Item> items = List.of();
        if (kind == Kind.FUNDS) {
            if (body.present("items")) {
                body.error("items", "not-allowed", ITEMS_NOT_FOR_FUNDS);
            }
        } else if (kind == Kind.MATERIALS && !body.present("items")) {
            body.error("items", "required", Messages.REQUIRED);
        } else {
            items = readItems(body);
        }

        Optional<LocalDate> donatedOn = body.date("donatedOn");
        if (donatedOn.isPresent()) {
            if (donatedOn.get().isAfter(today)) {
                body.error("donatedOn", "future", FUTURE);
            } else if (donatedOn.get().isBefore(today.minusDays(MAX_DAYS_BACK))) {
                body.error("donatedOn", "too-old", TOO_OLD);
            }
        }
        Optional<String> note = body.string("note", 0, 500).filter(s -> !s.isEmpty());

        body.finishAndThrow();
        return new DonationCommand(donor, district, recipient, kind, amount, items, donatedOn, note);
    }

    private static Donor readDonor(Fields body) {
        Fields donor = body.requiredObject("donor");
        if (donor == null) {
            return null;
        }
        boolean anonymous = donor.bool("anonymous").orElse(false);
        Optional<String> name = anonymous
                ? donor.string("name", 1, 100)
                : Optional.ofNullable(donor.requiredString("name", 1, 100));
        DonorType type = donor.requiredEnum("type", DonorType.class);
        Optional<String> phone = donor.string("phone", 1, 40).flatMap(raw -> {
            Optional<String> normalised = MobilePhone.normalise(raw);
            if (normalised.isEmpty()) {
                donor.error("phone", "format", NOT_MOBILE);
            }
            return normalised;
        });
        // an anonymous donor's name is not kept, even when one was typed in
        return new Donor(anonymous ? Optional.empty() : name, type, phone, anonymous);
    }

    private static List<Item> readItems(Fields body) {
        List<Item> items = new ArrayList<>();
        for (Fields item : body.objects("items", 1, MAX_ITEMS).orElse(List.of())) {
            Category category = item.requiredEnum("category", Category.class);
            String name = item.requiredString("name", 1, 100);
            Long quantity = item.requiredInteger("quantity", 1, MAX_QUANTITY);
            String unit = item.requiredString("unit", 1, 10);
            BigDecimal unitValue = null;
            if (!item.present("unitValue")) {
                item.error("unitValue", "required", Messages.REQUIRED);
            } else {
                unitValue = Money.nonNegative(item, "unitValue").orElse(null);
            }
            if (category != null && name != null && quantity != null && unit != null && unitValue != null) {
                items.add(new Item(category, name, quantity, unit, unitValue));
            }
        }
        return List.copyOf(items);
    }
}
