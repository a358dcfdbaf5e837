package cn.lanzhou.epidemic.common.aws.dynamodb;

/** What a write answers with. */
public enum ReturnValue { NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW }
