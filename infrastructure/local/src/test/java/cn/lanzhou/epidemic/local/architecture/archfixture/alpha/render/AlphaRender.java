package cn.lanzhou.epidemic.local.architecture.archfixture.alpha.render;

import cn.lanzhou.epidemic.local.architecture.archfixture.alpha.store.AlphaStore;

public final class AlphaRender {
    public String text() {
        return "text";
    }

    public AlphaStore store() {
        return new AlphaStore();
    }
}
