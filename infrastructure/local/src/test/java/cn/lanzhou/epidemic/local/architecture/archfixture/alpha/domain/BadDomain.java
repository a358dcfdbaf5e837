package cn.lanzhou.epidemic.local.architecture.archfixture.alpha.domain;

import cn.lanzhou.epidemic.common.http.ApiRequest;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Breach: a domain class that knows the SDK, Jackson, a Lambda event and common's HTTP request. */
public record BadDomain(AttributeValue item, JsonNode body, APIGatewayV2HTTPEvent event, ApiRequest request) {
}
