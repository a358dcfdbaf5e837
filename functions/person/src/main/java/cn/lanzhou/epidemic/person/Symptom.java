package cn.lanzhou.epidemic.person;

/** What a person reports feeling, at a registration or an observation check. */
public enum Symptom { FEVER, COUGH, FATIGUE, SORE_THROAT, SHORTNESS_OF_BREATH, DIARRHEA, OTHER }
