package cn.lanzhou.epidemic.followup.domain;

import java.util.List;
import java.util.Optional;

/** A page of a list and the position to go on from (the last key returned), absent on the last page. */
public record Page<T>(List<T> items, Optional<String> after) {
    public Page {
        items = List.copyOf(items);
    }
}
