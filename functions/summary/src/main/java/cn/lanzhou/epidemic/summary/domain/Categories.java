package cn.lanzhou.epidemic.summary.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Donated material categories of openapi.yaml, in report order, with their Chinese names. */
public final class Categories {
    public static final List<String> CODES = List.of("MASK", "PROTECTIVE_SUIT", "GOGGLES", "MEDICAL_GLOVES",
            "DISINFECTANT", "THERMOMETER", "FOOD", "OTHER");
    private static final Map<String, String> NAMES = Map.of(
            "MASK", "口罩", "PROTECTIVE_SUIT", "防护服", "GOGGLES", "护目镜", "MEDICAL_GLOVES", "医用手套",
            "DISINFECTANT", "消毒液", "THERMOMETER", "体温计", "FOOD", "食品", "OTHER", "其他");

    private Categories() {
    }

    public static String chinese(String code) {
        return NAMES.getOrDefault(code, code);
    }

    /** Every category at zero, in report order. */
    public static Map<String, Long> zeroes() {
        Map<String, Long> map = new LinkedHashMap<>();
        CODES.forEach(c -> map.put(c, 0L));
        return map;
    }
}
