package cn.lanzhou.epidemic.person;

/** The kind of identity document a person registers with. */
public enum IdType { RESIDENT_ID, PASSPORT, HK_MACAO_TAIWAN, OTHER }
