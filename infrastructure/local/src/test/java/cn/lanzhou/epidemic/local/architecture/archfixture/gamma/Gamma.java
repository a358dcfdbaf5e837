package cn.lanzhou.epidemic.local.architecture.archfixture.gamma;

import cn.lanzhou.epidemic.local.architecture.archfixture.delta.Delta;

/** Breach, with {@link Delta}: a cycle between two modules. */
public final class Gamma {
    public Delta delta() {
        return new Delta();
    }
}
