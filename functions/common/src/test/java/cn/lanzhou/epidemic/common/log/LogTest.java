package cn.lanzhou.epidemic.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class LogTest {

    @Test
    void anSdkClientFailureThatSaysWhatIsMisconfiguredIsLoggedAsTheCause() {
        var failure = new IllegalStateException(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));
        assertEquals(Optional.of("Unable to load credentials from any of the providers in the chain"),
                Log.sdkClientMessage(failure));
        assertTrue(Log.sdkClientMessage(SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new IOException("refused"))).isPresent());
    }

    @Test
    void anSdkClientMessageThatMayQuoteAResponseIsLeftOut() {
        var unreadable = SdkClientException.create("Unable to unmarshall response (Unrecognized token '张三'). Response Code: 200");
        assertEquals(Optional.empty(), Log.sdkClientMessage(unreadable));
        assertEquals(Optional.empty(), Log.sdkClientMessage(new IllegalArgumentException("张三 110101199003074477")));
    }
}
