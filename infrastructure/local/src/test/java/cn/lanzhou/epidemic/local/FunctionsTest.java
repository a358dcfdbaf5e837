package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionsTest {

    static final class Scheduled implements RequestHandler<ScheduledEvent, Void> {
        @Override
        public Void handleRequest(ScheduledEvent event, Context context) {
            return null;
        }
    }

    static final class Generic implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            return "ok";
        }
    }

    @Test
    void theInputTypeIsFoundThroughTheGenericInterfaceAndSuperclasses() {
        assertEquals(ScheduledEvent.class, Functions.inputType(Scheduled.class));
        assertEquals(Map.class, Functions.inputType(Generic.class));
        assertEquals(APIGatewayV2HTTPEvent.class, Functions.inputType(cn.lanzhou.epidemic.districts.DistrictsHandler.class));
    }

    @Test
    void aScheduleDeliversAScheduledEventToAHandlerThatDeclaresOne() throws Exception {
        Object event = Functions.fromJson("{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
                + "\"time\":\"2020-02-13T16:10:00Z\",\"resources\":[\"arn:x\"],\"detail\":{}}", ScheduledEvent.class);

        ScheduledEvent scheduled = (ScheduledEvent) event;
        assertEquals("Scheduled Event", scheduled.getDetailType());
        assertEquals(1581610200000L, scheduled.getTime().getMillis());
        assertEquals(java.util.List.of("arn:x"), scheduled.getResources());
    }

    @Test
    void aScheduleInputReachesAMapHandlerAsAMapAndAStringHandlerAsJson() throws Exception {
        assertEquals(Map.of("source", "schedule"), Functions.fromJson("{\"source\": \"schedule\"}", Map.class));
        assertEquals("{\"source\": \"schedule\"}", Functions.fromJson("{\"source\": \"schedule\"}", String.class));
    }
}
