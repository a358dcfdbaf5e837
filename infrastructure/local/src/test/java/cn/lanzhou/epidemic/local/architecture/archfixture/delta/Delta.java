package cn.lanzhou.epidemic.local.architecture.archfixture.delta;

import cn.lanzhou.epidemic.local.architecture.archfixture.gamma.Gamma;

public final class Delta {
    public Gamma gamma() {
        return new Gamma();
    }
}
