package cn.lanzhou.epidemic.local.architecture.archfixture.common;

public final class Shared {
    public static String name() {
        return "shared";
    }
}
