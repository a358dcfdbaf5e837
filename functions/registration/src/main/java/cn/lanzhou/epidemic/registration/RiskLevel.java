package cn.lanzhou.epidemic.registration;

public enum RiskLevel { HIGH, MEDIUM, LOW }
