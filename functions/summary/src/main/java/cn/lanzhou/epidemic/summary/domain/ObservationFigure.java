package cn.lanzhou.epidemic.summary.domain;

import java.util.List;

/** What a district's day counts of medical observations (the active count is carried by {@link Cumulative}). */
public enum ObservationFigure {
    STARTED, COMPLETED, TRANSFERRED, ENDED_EARLY, CHECKS, FEVER_CHECKS, MISSED_CHECKS;

    /** The figures the report shows, in its order (all checks count only toward the zero report). */
    public static final List<ObservationFigure> REPORTED =
            List.of(STARTED, COMPLETED, TRANSFERRED, ENDED_EARLY, FEVER_CHECKS, MISSED_CHECKS);
}
