package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.person.PersonalData;
import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.registration.domain.Registration;
import cn.lanzhou.epidemic.registration.domain.RegistrationCommand;
import cn.lanzhou.epidemic.registration.domain.RiskAssessment;
import cn.lanzhou.epidemic.registration.store.DynamoRegistrations;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code POST /registrations} (public): a person checked at a checkpoint, community, enterprise or
 * observation site. Body → {@link RegistrationCommand} → {@link RegistrationService} →
 * {@link Registrations}; the answer carries only masked identity data.
 */
public final class RegistrationHandler extends ApiHandler {
    private final RegistrationService service;
    private final Idempotency idempotency;
    private final Districts districts;
    private final AppClock clock;

    /** Wires the real clients from the environment; the runtime builds the handler once per container. */
    public RegistrationHandler() {
        this(AppClock.fromEnvironment(), Clients.dynamoDb());
    }

    private RegistrationHandler(AppClock clock, DynamoDbClient client) {
        this(clock, client, PersonalData.fromEnvironment());
    }

    private RegistrationHandler(AppClock clock, DynamoDbClient client, PersonalData personalData) {
        this(new RegistrationService(
                        new DynamoRegistrations(new Dynamo(client), Env.required("TABLE_NAME"), clock),
                        RiskAssessment.fromEnvironment(), personalData, clock),
                Idempotency.fromEnvironment(client, clock).fingerprintedWith(personalData::fingerprint),
                Districts.fromEnvironment(), clock);
    }

    public RegistrationHandler(RegistrationService service, Idempotency idempotency, Districts districts, AppClock clock) {
        this.service = service;
        this.idempotency = idempotency;
        this.districts = districts;
        this.clock = clock;
    }

    @Override
    protected String receiptTitle() {
        return "登记成功 / Registered";
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Instant now = clock.now();
        RegistrationCommand command = RegistrationCommand.read(RequestBody.read(request), districts, now, clock.localDate(now));
        return idempotency.create(request, command, (registering, attempt) -> {
            Registration registration = service.register(registering, attempt);
            // ids, district and derived figures only: nothing that identifies the person
            Log.info(request.requestId(), "registration stored", "id", registration.id(),
                    "district", registration.district(), "localDate", registration.localDate(),
                    "riskLevel", registration.riskLevel());
            return receipt(registration);
        });
    }

    /** The 201 body (openapi.yaml): identity data masked. */
    static ObjectNode receipt(Registration r) {
        ObjectNode body = Json.object();
        body.put("id", r.id());
        body.put("receivedAt", r.receivedAt().toString());
        body.put("occurredAt", r.occurredAt().toString());
        body.put("localDate", r.localDate().toString());
        body.put("district", r.district());
        body.put("riskLevel", r.riskLevel().name());
        body.put("fever", r.fever());
        if (r.isolationUntil().isPresent()) {
            body.put("isolationUntil", r.isolationUntil().get().toString());
        } else {
            body.putNull("isolationUntil");
        }
        body.put("idNumberMasked", r.idNumberMasked());
        body.put("phoneMasked", r.phoneMasked());
        return body;
    }
}
