package cn.lanzhou.epidemic.registration.domain;

public enum Symptom { FEVER, COUGH, FATIGUE, SORE_THROAT, SHORTNESS_OF_BREATH, DIARRHEA, OTHER }
