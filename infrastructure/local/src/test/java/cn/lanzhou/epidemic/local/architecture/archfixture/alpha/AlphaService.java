package cn.lanzhou.epidemic.local.architecture.archfixture.alpha;

import cn.lanzhou.epidemic.local.architecture.archfixture.alpha.domain.GoodDomain;
import cn.lanzhou.epidemic.local.architecture.archfixture.common.Shared;

/** Allowed: a function uses common and its own domain. */
public final class AlphaService {
    public GoodDomain make() {
        return new GoodDomain(Shared.name());
    }
}
