package cn.lanzhou.epidemic.followup.domain;

/**
 * The person under observation as staff see them: the name (to address them), masks only of the
 * identity number and phone, and the opaque {@code personKey} (the keyed hash of the number).
 */
public record Person(String personKey, String name, String idType, String idNumberMasked, String phoneMasked) {
}
