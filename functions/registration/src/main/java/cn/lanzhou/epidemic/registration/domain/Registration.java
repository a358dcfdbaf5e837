package cn.lanzhou.epidemic.registration.domain;

import cn.lanzhou.epidemic.person.IdType;
import cn.lanzhou.epidemic.person.SiteType;
import cn.lanzhou.epidemic.person.Symptom;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stored registration. It holds the person's name (the record exists to find the person again
 * for follow-up), but of the identity number and the phone only a keyed hash (for matching
 * registrations of one person) and a masked copy (for display).
 */
public record Registration(
        String id,
        Instant receivedAt,
        Instant occurredAt,
        LocalDate localDate,
        String district,
        SiteType siteType,
        String siteCode,
        String name,
        IdType idType,
        String idHash,
        String idNumberMasked,
        String phoneHash,
        String phoneMasked,
        Optional<String> vehiclePlate,
        Optional<String> origin,
        List<String> travelHistory,
        boolean contactWithCases,
        Optional<BigDecimal> temperatureCelsius,
        Set<Symptom> symptoms,
        Optional<Boolean> cohabitantsUnwell,
        boolean fever,
        RiskLevel riskLevel,
        Optional<LocalDate> isolationUntil) {

    public Registration {
        travelHistory = List.copyOf(travelHistory);
        symptoms = Set.copyOf(symptoms);
    }
}
