package cn.lanzhou.epidemic.followup.domain;

/** ACTIVE until released with one of the three outcomes. */
public enum Status { ACTIVE, COMPLETED, TRANSFERRED, ENDED_EARLY }
