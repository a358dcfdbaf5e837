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

/**
 * Gives each SDK call made within a {@link RequestBudget} the rest of that budget as its
 * {@code apiCallTimeout} (a per-request override) when that is shorter than the client's own; a
 * call after the budget is spent is not sent and fails as a timeout.
 */
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
