package cn.lanzhou.epidemic.common.model;

/** A district of the reference list: the unit every report is made per. */
public record District(String code, String name, String nameEn, int aboveSizeEnterprises) {
}
