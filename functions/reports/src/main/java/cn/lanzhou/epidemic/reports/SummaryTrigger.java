package cn.lanzhou.epidemic.reports;

import java.time.LocalDate;

/** Starts the compilation of a day's report without waiting for it. */
interface SummaryTrigger {
    void compile(LocalDate date);
}
