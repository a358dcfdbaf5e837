package cn.lanzhou.epidemic.local.contract.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import cn.lanzhou.epidemic.local.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Staff's side of the report routes: compile, wait for the new set, download through the links. */
public final class ReportDownloads {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Api api;
    private final String token;

    public ReportDownloads(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    Api.Response post(String date) {
        return api.send(api.request("/reports/" + date).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST /reports/{date}, then GET until a set newer than the one before is there; returns GET's body. */
    public JsonNode compile(String date) {
        Api.Response before = api.get("/reports/" + date, token);
        String previous = before.status() == 200 ? before.json().path("generatedAt").asText() : null;
        Api.Response accepted = post(date);
        assertEquals(202, accepted.status(), accepted.body());
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            Api.Response response = api.get("/reports/" + date, token);
            if (response.status() == 200 && !response.json().path("generatedAt").asText().equals(previous)) {
                return response.json();
            }
            sleep(200);
        }
        fail("the report of " + date + " was not compiled within 90 s");
        return null;
    }

    static HttpResponse<byte[]> download(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode file(JsonNode listing, String name) {
        for (JsonNode f : listing.path("files")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no " + name + " in " + listing);
    }

    /** Downloads summary.json through its link. */
    public static JsonNode summary(JsonNode listing) {
        HttpResponse<byte[]> response = download(file(listing, "summary.json").path("url").asText());
        assertEquals(200, response.statusCode());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static JsonNode district(JsonNode summary, String code) {
        for (JsonNode d : summary.path("districts")) {
            if (d.path("code").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no district " + code);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
