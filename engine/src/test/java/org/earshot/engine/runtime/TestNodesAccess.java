package org.earshot.engine.runtime;

import org.earshot.engine.AudioNode;

/** Lets tests in other packages build the runtime test nodes. */
public final class TestNodesAccess {
    /** @return an absolute-sum node named {@code abs} */
    public AudioNode abs() {
        return new TestNodes.AbsSumNode();
    }

    /**
     * @param abs an absolute-sum node
     * @return a peak node named {@code peak} reading it
     */
    public AudioNode peak(final AudioNode abs) {
        return new TestNodes.PeakNode((TestNodes.AbsSumNode)abs, 0);
    }
}
