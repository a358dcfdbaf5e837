package cn.lanzhou.epidemic.donation;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.donation.domain.Donation;
import cn.lanzhou.epidemic.donation.domain.DonationCommand;
import cn.lanzhou.epidemic.donation.domain.Donations;
import cn.lanzhou.epidemic.donation.store.DynamoDonations;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code POST /donations} (public): funds or materials donated to a district. */
public final class DonationHandler extends ApiHandler {
    private final Districts districts;
    private final AppClock clock;
    private final Idempotency idempotency;
    private final DonationService service;

    /** Wires the real clients from the environment, once per container. */
    public DonationHandler() {
        this(AppClock.fromEnvironment(), Clients.dynamoDb());
    }

    private DonationHandler(AppClock clock, DynamoDbClient client) {
        this(Districts.fromEnvironment(), clock, Idempotency.fromEnvironment(client, clock),
                new DynamoDonations(new Dynamo(client), Env.required("TABLE_NAME")));
    }

    public DonationHandler(Districts districts, AppClock clock, Idempotency idempotency, Donations donations) {
        this(districts, clock, idempotency, new DonationService(donations, clock));
    }

    DonationHandler(Districts districts, AppClock clock, Idempotency idempotency, DonationService service) {
        this.districts = districts;
        this.clock = clock;
        this.idempotency = idempotency;
        this.service = service;
    }

    @Override
    protected String receiptTitle() {
        return "捐赠已登记，感谢您的爱心 / Donation recorded, thank you";
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        DonationCommand command = DonationCommand.read(RequestBody.read(request), districts, clock.today());
        return idempotency.create(request, command, (donating, attempt) -> receipt(service.donate(donating, attempt)));
    }

    /** The 201 body (openapi.yaml); the donor is never in it. */
    static ObjectNode receipt(Donation donation) {
        return Json.object()
                .put("id", donation.id())
                .put("receiptNumber", donation.receiptNumber())
                .put("kind", donation.kind().name())
                .put("value", Json.money(donation.value()))
                .put("localDate", donation.localDate().toString())
                .put("district", donation.district());
    }
}
