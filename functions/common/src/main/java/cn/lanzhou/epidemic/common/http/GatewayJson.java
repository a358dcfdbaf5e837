package cn.lanzhou.epidemic.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's payload 2.0 event and response as JSON, read and written with Jackson's streaming
 * parser and generator: what the runtime client would otherwise do by reflection with its own
 * Jackson, and what priming can therefore run exactly as a request does. Unknown fields are skipped.
 */
public final class GatewayJson {
    // Lambda takes at most 6 MB per synchronous event; the body limit is ApiRequest's
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(8 * 1024 * 1024).build())
            .build();

    private GatewayJson() {
    }

    public static APIGatewayV2HTTPEvent read(InputStream in) throws IOException {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        try (JsonParser p = FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "version" -> event.setVersion(p.getValueAsString());
                    case "routeKey" -> event.setRouteKey(p.getValueAsString());
                    case "rawPath" -> event.setRawPath(p.getValueAsString());
                    case "rawQueryString" -> event.setRawQueryString(p.getValueAsString());
                    case "cookies" -> event.setCookies(strings(p));
                    case "headers" -> event.setHeaders(map(p));
                    case "queryStringParameters" -> event.setQueryStringParameters(map(p));
                    case "pathParameters" -> event.setPathParameters(map(p));
                    case "stageVariables" -> event.setStageVariables(map(p));
                    case "body" -> event.setBody(p.getValueAsString());
                    case "isBase64Encoded" -> event.setIsBase64Encoded(p.getValueAsBoolean());
                    case "requestContext" -> event.setRequestContext(context(p));
                    default -> p.skipChildren();
                }
            }
        }
        return event;
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    public static void write(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                writeMap(g, "headers", response.getHeaders());
            }
            if (response.getCookies() != null) {
                g.writeArrayFieldStart("cookies");
                for (String cookie : response.getCookies()) {
                    g.writeString(cookie);
                }
                g.writeEndArray();
            }
            if (response.getBody() != null) {
                g.writeStringField("body", response.getBody());
            }
            g.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            g.writeEndObject();
        }
    }

    static void writeMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeStringField(entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
    }

    private static RequestContext context(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        RequestContext context = new RequestContext();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "accountId" -> context.setAccountId(p.getValueAsString());
                case "apiId" -> context.setApiId(p.getValueAsString());
                case "domainName" -> context.setDomainName(p.getValueAsString());
                case "domainPrefix" -> context.setDomainPrefix(p.getValueAsString());
                case "requestId" -> context.setRequestId(p.getValueAsString());
                case "routeKey" -> context.setRouteKey(p.getValueAsString());
                case "stage" -> context.setStage(p.getValueAsString());
                case "time" -> context.setTime(p.getValueAsString());
                case "timeEpoch" -> context.setTimeEpoch(p.getValueAsLong());
                case "http" -> context.setHttp(http(p));
                case "authorizer" -> context.setAuthorizer(authorizer(p));
                default -> p.skipChildren();
            }
        }
        return context;
    }

    private static RequestContext.Http http(JsonParser p) throws IOException {
        RequestContext.Http http = new RequestContext.Http();
        Map<String, String> fields = map(p);
        if (fields != null) {
            http.setMethod(fields.get("method"));
            http.setPath(fields.get("path"));
            http.setProtocol(fields.get("protocol"));
            http.setSourceIp(fields.get("sourceIp"));
            http.setUserAgent(fields.get("userAgent"));
        }
        return http;
    }

    /** Only the JWT authorizer's claims and scopes: the template has no other authorizer. */
    private static RequestContext.Authorizer authorizer(JsonParser p) throws IOException {
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return authorizer;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("jwt") && p.currentToken() == JsonToken.START_OBJECT) {
                RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "claims" -> jwt.setClaims(map(p));
                        case "scopes" -> jwt.setScopes(strings(p));
                        default -> p.skipChildren();
                    }
                }
                authorizer.setJwt(jwt);
            } else {
                p.skipChildren();
            }
        }
        return authorizer;
    }

    /** An object's scalar members as strings (API Gateway flattens claims to strings; a nested value is skipped); null for JSON null. */
    private static Map<String, String> map(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p.currentToken(), JsonToken.START_OBJECT);
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                map.put(name, p.getValueAsString());
            }
        }
        return map;
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(p.getValueAsString());
        }
        return list;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("the event is not API Gateway's payload 2.0: " + expected + " expected, " + actual + " found");
        }
    }
}
