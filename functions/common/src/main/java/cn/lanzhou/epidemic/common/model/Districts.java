package cn.lanzhou.epidemic.common.model;

import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.json.PlainJson;
import java.io.IOException;
import java.math.BigDecimal;
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

/**
 * The reference list of districts, in report order. It is data, not code: {@code DISTRICTS_JSON}
 * (the document itself) or {@code DISTRICTS_FILE} (a path) replaces the bundled Lanzhou list
 * without a rebuild.
 */
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
        Object districts = PlainJson.object(PlainJson.parse(document)).get("districts");
        List<District> list = new ArrayList<>();
        for (Object entry : districts == null ? List.of() : PlainJson.array(districts)) {
            Map<String, Object> d = PlainJson.object(entry);
            Object above = d.get("aboveSizeEnterprises");
            list.add(new District(text(d, "code"), text(d, "name"), text(d, "nameEn"),
                    above instanceof BigDecimal n ? n.intValueExact() : 0));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("the district list is empty");
        }
        return new Districts(list);
    }

    private static String text(Map<String, Object> district, String name) {
        return district.get(name) instanceof String s ? s : "";
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
