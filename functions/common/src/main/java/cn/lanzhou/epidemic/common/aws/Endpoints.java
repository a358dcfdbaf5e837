package cn.lanzhou.epidemic.common.aws;

import java.net.URI;

/** AWS's regional endpoints, the China regions' domain included. */
public final class Endpoints {
    private Endpoints() {
    }

    /** {@code amazonaws.com.cn} for the China regions ({@code cn-…}), {@code amazonaws.com} elsewhere. */
    public static String domain(String region) {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /** {@code https://{service}.{region}.{domain}}, e.g. {@code https://dynamodb.cn-northwest-1.amazonaws.com.cn}. */
    public static URI regional(String service, String region) {
        return URI.create("https://" + service + "." + region + "." + domain(region));
    }
}
