package cn.lanzhou.epidemic.common.validation;

import java.util.Collection;

/** Field error messages: Chinese, then English after " / ". None repeats the submitted value. */
public final class Messages {
    private Messages() {
    }

    public static final String REQUIRED = "此项必填 / This field is required";
    public static final String UNKNOWN = "不允许的字段 / Unknown field";
    public static final String UNKNOWN_UNNAMED = "含有不允许的字段（名称不予显示）/ Contains an unknown field (its name is not repeated)";
    public static final String NOT_TEXT = "应为文本 / Must be a string";
    public static final String NOT_BOOLEAN = "应为是或否 / Must be true or false";
    public static final String NOT_INTEGER = "应为整数 / Must be a whole number";
    public static final String NOT_NUMBER = "应为数字 / Must be a number";
    public static final String NOT_OBJECT = "应为对象 / Must be an object";
    public static final String NOT_ARRAY = "应为列表 / Must be a list";
    public static final String CONTROL_CHARACTERS = "含有不允许的控制字符 / Contains control characters";
    public static final String INVALID_CHARACTERS = "含有无效字符 / Contains invalid characters";
    public static final String NOT_DATE = "应为有效日期 YYYY-MM-DD / Must be a valid date YYYY-MM-DD";
    public static final String NULL = "不能为 null，无内容的字段请省略 / Must not be null; leave out a field that has no value";
    public static final String DUPLICATE = "含有重复的选项 / Contains a choice more than once";
    public static final String NOT_DATE_TIME = "应为带时区的日期时间 / Must be a date-time with offset";

    public static String length(int min, int max) {
        return "长度应为 " + min + "–" + max + " 个字符 / Length must be " + min + "–" + max + " characters";
    }

    public static String range(Object min, Object max) {
        return "应在 " + min + " 到 " + max + " 之间 / Must be between " + min + " and " + max;
    }

    public static String items(int min, int max) {
        return "应有 " + min + "–" + max + " 项 / Must have " + min + "–" + max + " items";
    }

    public static String oneOf(Collection<String> allowed) {
        String list = String.join(", ", allowed);
        return "应为以下之一：" + list + " / Must be one of: " + list;
    }
}
