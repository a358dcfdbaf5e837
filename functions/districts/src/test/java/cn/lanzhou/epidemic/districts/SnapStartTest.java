package cn.lanzhou.epidemic.districts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.testing.Snapshots;
import org.junit.jupiter.api.Test;

/** The handler as Lambda builds it, through a checkpoint and a restore, then a request. */
class SnapStartTest {

    @Test
    void aRestoredHandlerAnswersItsFirstRequest() throws Exception {
        DistrictsHandler handler = new DistrictsHandler();

        Snapshots.checkpointAndRestore();

        assertEquals(200, handler.handleRequest(Requests.route("GET /districts", "/districts").build(), null).getStatusCode());
    }
}
