package cn.lanzhou.epidemic.common.model;

import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The districts in report order: {@code DISTRICTS_JSON} or {@code DISTRICTS_FILE} replaces the bundled Lanzhou list without a rebuild. */
public final class Districts {
    private static final String BUNDLED = "/cn/lanzhou/epidemic/common/model/districts.json";

    private final List<District> list;
    private final Map<String, District> byCode;

    public Districts(List<District> list) {
        this.list = List.copyOf(list);
        this.byCode = new LinkedHashMap<>();
        list.forEach(d -> byCode.put(d.code(), d));
    }

    public static Districts fromEnvironment() {
        Optional<String> inline = Env.optional("DISTRICTS_JSON");
        if (inline.isPresent()) {
            return parse(inline.get());
        }
        Optional<String> file = Env.optional("DISTRICTS_FILE");
        if (file.isPresent()) {
            try {
                return parse(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read DISTRICTS_FILE", e);
            }
        }
        try (InputStream in = Districts.class.getResourceAsStream(BUNDLED)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Districts parse(String document) {
        List<District> list = new ArrayList<>();
        for (JsonNode d : Json.parseTrusted(document).path("districts")) {
            JsonNode above = d.path("aboveSizeEnterprises");
            list.add(new District(d.path("code").asText(""), d.path("name").asText(""), d.path("nameEn").asText(""),
                    above.isIntegralNumber() ? above.intValue() : 0));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("the district list is empty");
        }
        return new Districts(list);
    }

    public List<District> all() {
        return list;
    }

    public Optional<District> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }
}
