package cn.lanzhou.epidemic.local.architecture.archfixture.beta;

import cn.lanzhou.epidemic.local.architecture.archfixture.alpha.AlphaService;

/** Breach: one function using another function's class. */
public final class ReachesIntoAlpha {
    public Object borrow() {
        return new AlphaService().make();
    }
}
