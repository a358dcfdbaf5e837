package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.person.PersonalData;
import cn.lanzhou.epidemic.common.idempotency.Attempt;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.registration.domain.Registration;
import cn.lanzhou.epidemic.registration.domain.RegistrationCommand;
import cn.lanzhou.epidemic.registration.domain.Registrations;
import cn.lanzhou.epidemic.registration.domain.RiskAssessment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Turns a valid command into a stored registration. */
public record RegistrationService(Registrations registrations, RiskAssessment risk, PersonalData personalData, AppClock clock) {
    /**
     * Registers the person under the attempt's id. The attempt's time is "now" for the default
     * occurredAt, so a run after a crash derives the same item and finds it instead of adding a second.
     */
    public Registration register(RegistrationCommand command, Attempt attempt) {
        Instant receivedAt = attempt.receivedAt().truncatedTo(ChronoUnit.MILLIS);
        Instant occurredAt = command.occurredAt().orElse(receivedAt);
        LocalDate localDate = clock.localDate(occurredAt);
        RiskAssessment.Outcome outcome = risk.assess(command, localDate);
        Registration registration = new Registration(
                attempt.recordId(),
                receivedAt,
                occurredAt,
                localDate,
                command.district(),
                command.siteType(),
                command.siteCode(),
                command.name(),
                command.idType(),
                personalData.idHash(command.idType(), command.idNumber()),
                PersonalData.maskIdNumber(command.idNumber()),
                personalData.phoneHash(command.phone()),
                PersonalData.maskPhone(command.phone()),
                command.vehiclePlate(),
                command.origin(),
                command.travelHistory(),
                command.contactWithCases(),
                command.temperatureCelsius(),
                command.symptoms(),
                command.cohabitantsUnwell(),
                outcome.fever(),
                outcome.riskLevel(),
                outcome.isolationUntil());
        return registrations.addIfAbsent(registration);
    }
}
