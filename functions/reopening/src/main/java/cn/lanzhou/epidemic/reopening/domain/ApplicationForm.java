package cn.lanzhou.epidemic.reopening.domain;

import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.validation.Fields;
import cn.lanzhou.epidemic.common.validation.Messages;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Contact;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Difficulty;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Enterprise;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.EntryStep;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Prevention;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** A validated {@code POST /reopenings} body (openapi.yaml). */
public record ApplicationForm(Enterprise enterprise, String district, String street, Contact contact,
        LocalDate plannedDate, long returningEmployees, long employeesFromHubei, Prevention prevention,
        Set<Difficulty> difficulties, String difficultyNote) {

    static final int MAX_PLANNED_DAYS_AHEAD = 90;
    static final long MAX_EMPLOYEES = 1_000_000;

    /** Reads every field, reports every error at once (400), or returns the command. */
    public static ApplicationForm read(Fields body, Districts districts, LocalDate today) {
        Fields enterpriseFields = body.requiredObject("enterprise");
        // read on its own: it bounds the employee counts even when another enterprise field is bad
        Long employees = enterpriseFields == null ? null : enterpriseFields.requiredInteger("employees", 1, MAX_EMPLOYEES);
        Enterprise enterprise = enterprise(enterpriseFields, employees);
        String district = body.requiredString("district", 1, 64);
        if (district != null && !districts.contains(district)) {
            body.error("district", "unknown-district", "未知的区县代码 / Unknown district code");
        }
        String street = body.requiredString("street", 1, 50);
        Contact contact = contact(body.requiredObject("contact"));
        LocalDate planned = body.requiredDate("plannedDate");
        if (planned != null && (planned.isBefore(today) || planned.isAfter(today.plusDays(MAX_PLANNED_DAYS_AHEAD)))) {
            body.error("plannedDate", "range", "计划复工日期应为今天起 90 天内 / Must be between today and 90 days ahead");
        }
        Long returning = employeeCount(body, "returningEmployees", employees);
        Long fromHubei = employeeCount(body, "employeesFromHubei", employees);
        Prevention prevention = prevention(body.requiredObject("prevention"));
        Set<Difficulty> difficulties = body.enumSet("difficulties", Difficulty.class).orElse(Set.of());
        String note = body.string("difficultyNote", 0, 500).filter(s -> !s.isEmpty()).orElse(null);
        body.finishAndThrow();
        return new ApplicationForm(enterprise, district, street, contact, planned, returning, fromHubei, prevention,
                Set.copyOf(difficulties), note);
    }

    private static Enterprise enterprise(Fields e, Long employees) {
        if (e == null) {
            return null;
        }
        String name = e.requiredString("name", 1, 100);
        String code = e.requiredString("creditCode", CreditCode.LENGTH, CreditCode.LENGTH);
        if (code != null) {
            // as with the X of an ID number, lower case is read as the upper-case character it stands for
            code = code.toUpperCase(Locale.ROOT);
            if (!CreditCode.isValid(code)) {
                e.error("creditCode", "check", "统一社会信用代码无效（字符或校验位不符） / "
                        + "Invalid unified social credit code (characters or check character)");
                code = null;
            }
        }
        String industry = e.requiredString("industry", 1, 50);
        boolean aboveSize = e.bool("aboveDesignatedSize").orElse(false);
        if (name == null || code == null || industry == null || employees == null) {
            return null;
        }
        return new Enterprise(name, code, industry, aboveSize, employees);
    }

    private static Contact contact(Fields c) {
        if (c == null) {
            return null;
        }
        String name = c.requiredString("name", 1, 50);
        String phone = null;
        if (!c.present("phone")) {
            c.error("phone", "required", Messages.REQUIRED);
        } else {
            phone = c.string("phone", 1, 40).flatMap(MobilePhone::normalise).orElse(null);
            if (phone == null && !c.hasError("phone")) {
                c.error("phone", "phone", "应为中国大陆手机号码 / Must be a mainland China mobile number");
            }
        }
        return name == null || phone == null ? null : new Contact(name, phone);
    }

    /** 0 … the enterprise's employees (or the largest possible count when that is itself invalid). */
    private static Long employeeCount(Fields body, String name, Long employees) {
        Long count = body.requiredInteger(name, 0, MAX_EMPLOYEES);
        if (count != null && employees != null && count > employees) {
            body.error(name, "range", "不得超过企业职工总数 / Must not exceed enterprise.employees");
            return null;
        }
        return count;
    }

    private static Prevention prevention(Fields p) {
        if (p == null) {
            return null;
        }
        String person = p.requiredString("responsiblePerson", 1, 50);
        Long perDay = p.requiredInteger("disinfectionsPerDay", 0, 24);
        Set<EntryStep> steps = p.enumSet("entrySteps", EntryStep.class).orElse(Set.of());
        Long masks = p.requiredInteger("masksInStock", 0, Long.MAX_VALUE);
        Long thermometers = p.requiredInteger("thermometers", 0, Long.MAX_VALUE);
        boolean plan = p.bool("emergencyPlan").orElse(false);
        if (person == null || perDay == null || masks == null || thermometers == null) {
            return null;
        }
        return new Prevention(person, perDay.intValue(), Set.copyOf(steps), masks, thermometers, plan);
    }
}
