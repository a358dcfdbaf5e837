package cn.lanzhou.epidemic.local.architecture.archfixture.alpha.store;

import cn.lanzhou.epidemic.local.architecture.archfixture.alpha.render.AlphaRender;

/** Breach, with {@link AlphaRender}: a cycle between two packages of one module. */
public final class AlphaStore {
    public String rendered() {
        return new AlphaRender().text();
    }
}
