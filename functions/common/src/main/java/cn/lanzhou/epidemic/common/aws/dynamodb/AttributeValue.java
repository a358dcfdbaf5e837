package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One DynamoDB attribute value: string, number (kept as its exact decimal text), boolean, null,
 * map, list, string set or number set. Named and shaped like the SDK's class of the same name, so
 * the stores read as they would with the SDK; binary types are not used by this system and are
 * refused on the wire.
 */
public final class AttributeValue {
    /** The kind of value, as DynamoDB's JSON names it. */
    public enum Type { S, N, BOOL, NUL, M, L, SS, NS }

    private final Type type;
    private final Object value;

    private AttributeValue(Type type, Object value) {
        this.type = type;
        this.value = Objects.requireNonNull(value, "value");
    }

    public static AttributeValue fromS(String s) {
        return new AttributeValue(Type.S, s);
    }

    /** A number given as its decimal text, e.g. {@code "2000.20"}; DynamoDB keeps it exactly. */
    public static AttributeValue fromN(String n) {
        return new AttributeValue(Type.N, n);
    }

    public static AttributeValue fromBool(Boolean bool) {
        return new AttributeValue(Type.BOOL, bool);
    }

    public static AttributeValue fromNul(Boolean nul) {
        return new AttributeValue(Type.NUL, Boolean.TRUE);
    }

    public static AttributeValue fromM(Map<String, AttributeValue> m) {
        return new AttributeValue(Type.M, Map.copyOf(m));
    }

    public static AttributeValue fromL(List<AttributeValue> l) {
        return new AttributeValue(Type.L, List.copyOf(l));
    }

    public static AttributeValue fromSs(List<String> ss) {
        return new AttributeValue(Type.SS, List.copyOf(ss));
    }

    public static AttributeValue fromNs(List<String> ns) {
        return new AttributeValue(Type.NS, List.copyOf(ns));
    }

    public Type type() {
        return type;
    }

    /** The string, or null when this is not a string. */
    public String s() {
        return type == Type.S ? (String) value : null;
    }

    /** The number's decimal text, or null when this is not a number. */
    public String n() {
        return type == Type.N ? (String) value : null;
    }

    /** The boolean, or null when this is not a boolean. */
    public Boolean bool() {
        return type == Type.BOOL ? (Boolean) value : null;
    }

    public Boolean nul() {
        return type == Type.NUL ? Boolean.TRUE : null;
    }

    public boolean hasM() {
        return type == Type.M;
    }

    /** The map, or an empty map when this is not a map. */
    @SuppressWarnings("unchecked")
    public Map<String, AttributeValue> m() {
        return type == Type.M ? (Map<String, AttributeValue>) value : Map.of();
    }

    public boolean hasL() {
        return type == Type.L;
    }

    /** The list, or an empty list when this is not a list. */
    @SuppressWarnings("unchecked")
    public List<AttributeValue> l() {
        return type == Type.L ? (List<AttributeValue>) value : List.of();
    }

    public boolean hasSs() {
        return type == Type.SS;
    }

    @SuppressWarnings("unchecked")
    public List<String> ss() {
        return type == Type.SS ? (List<String>) value : List.of();
    }

    public boolean hasNs() {
        return type == Type.NS;
    }

    @SuppressWarnings("unchecked")
    public List<String> ns() {
        return type == Type.NS ? (List<String>) value : List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeValue other && type == other.type && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + value.hashCode();
    }

    /** The type only: values may be personal data and must not reach a log through toString. */
    @Override
    public String toString() {
        return "AttributeValue(" + type + ")";
    }
}
