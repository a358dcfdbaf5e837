package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.config.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import java.net.URI;
import java.time.LocalDate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * An asynchronous invocation (InvocationType EVENT) of the summary function with
 * {@code {"date": "YYYY-MM-DD"}}: Lambda queues it, answers 202 and retries a failed run itself.
 * {@code LAMBDA_ENDPOINT} points the client at the local stack, which runs the function in the background.
 */
final class LambdaSummaryTrigger implements SummaryTrigger {
    private final LambdaClient lambda;
    private final String functionName;

    LambdaSummaryTrigger(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    static LambdaSummaryTrigger fromEnvironment() {
        var builder = LambdaClient.builder()
                .region(Clients.region())
                .credentialsProvider(Clients.credentials())
                .httpClientBuilder(Clients.http())
                .overrideConfiguration(Clients.overrides());
        Env.optional("LAMBDA_ENDPOINT").map(URI::create).ifPresent(builder::endpointOverride);
        return new LambdaSummaryTrigger(builder.build(), Env.required("SUMMARY_FUNCTION_NAME"));
    }

    @Override
    public void compile(LocalDate date) {
        String payload = Json.write(Json.object().put("date", date.toString()));
        try {
            var response = lambda.invoke(InvokeRequest.builder()
                    .functionName(functionName)
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(payload))
                    .build());
            if (response.statusCode() == null || response.statusCode() / 100 != 2) {
                throw new BackendUnavailable(new IllegalStateException("invoke answered " + response.statusCode()));
            }
        } catch (LambdaException e) {
            if (e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() >= 500 || e.retryable()) {
                throw new BackendUnavailable(e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new BackendUnavailable(e);
        }
    }
}
