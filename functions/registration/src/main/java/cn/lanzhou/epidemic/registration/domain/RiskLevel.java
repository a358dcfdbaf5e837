package cn.lanzhou.epidemic.registration.domain;

public enum RiskLevel { HIGH, MEDIUM, LOW }
