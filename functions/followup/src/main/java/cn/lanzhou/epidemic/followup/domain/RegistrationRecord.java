package cn.lanzhou.epidemic.followup.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A registration as tracing reads it: no full identity number or phone exists to read. */
public record RegistrationRecord(String id, Instant occurredAt, LocalDate localDate, String district, String siteType,
        String siteCode, String riskLevel, boolean fever, Optional<String> vehiclePlate, Person person) {
}
