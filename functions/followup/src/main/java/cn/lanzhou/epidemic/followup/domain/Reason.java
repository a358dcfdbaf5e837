package cn.lanzhou.epidemic.followup.domain;

/** Why a person is kept under observation. */
public enum Reason { CLOSE_CONTACT, HIGH_RISK_ARRIVAL, FEVER, OTHER }
