package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.store.Faults;
import java.time.LocalDate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * An asynchronous invocation (InvocationType Event) of the summary function with
 * {@code {"date": "YYYY-MM-DD"}}: Lambda queues it, answers 202 and retries a failed run itself.
 * Throttling, 5xx and a failed connection are {@link cn.lanzhou.epidemic.common.store.BackendUnavailable};
 * any other refusal (a wrong name, a missing permission) is a configuration fault and propagates.
 */
final class LambdaSummaryTrigger implements SummaryTrigger {
    private final LambdaClient lambda;
    private final String functionName;

    LambdaSummaryTrigger(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    static LambdaSummaryTrigger fromEnvironment() {
        return new LambdaSummaryTrigger(Clients.configure(LambdaClient.builder()).build(),
                Env.required("SUMMARY_FUNCTION_NAME"));
    }

    @Override
    public void compile(LocalDate date) {
        SdkBytes payload = SdkBytes.fromByteArray(Json.writeBytes(Json.object().put("date", date.toString())));
        try {
            lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT).payload(payload));
        } catch (SdkException e) {
            throw Faults.translate(e);
        }
    }
}
