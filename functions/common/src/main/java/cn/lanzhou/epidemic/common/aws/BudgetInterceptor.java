package cn.lanzhou.epidemic.common.aws;

import cn.lanzhou.epidemic.common.store.RequestBudget;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Caps each SDK call's {@code apiCallTimeout} at what is left of the {@link RequestBudget}, so several calls cannot outlast the request. */
final class BudgetInterceptor implements ExecutionInterceptor {
    private final Duration callTimeout;

    BudgetInterceptor(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        Optional<Duration> left = RequestBudget.remaining();
        if (left.isEmpty() || !(request instanceof AwsRequest aws)) {
            return request;
        }
        Duration rest = left.get();
        if (rest.toMillis() <= 0) {
            throw ApiCallTimeoutException.create(0);
        }
        AwsRequestOverrideConfiguration.Builder override = aws.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        Duration own = override.apiCallTimeout() == null ? callTimeout : override.apiCallTimeout();
        if (own.compareTo(rest) <= 0) {
            return request;
        }
        return aws.toBuilder().overrideConfiguration(override.apiCallTimeout(rest).build()).build();
    }
}
