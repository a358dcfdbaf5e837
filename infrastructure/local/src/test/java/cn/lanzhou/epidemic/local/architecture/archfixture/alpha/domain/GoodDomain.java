package cn.lanzhou.epidemic.local.architecture.archfixture.alpha.domain;

/** Allowed: a domain record of JDK types. */
public record GoodDomain(String name) {
}
