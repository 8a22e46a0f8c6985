package dev.tine.nodes;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

import dev.tine.TineLanguage;

/** The common shape of Tine's call targets: a name for stack traces and a source section. */
public abstract class TineRootNode extends RootNode {
    /**
     * Every Tine call target's frame keeps what it returns here: Truffle polls safepoints right
     * after a call returns, so a signal handler that forks there finds the result (FrameCapture).
     */
    public static final int RESULT_SLOT = 0;

    private final String name;
    private final SourceSection section;

    protected TineRootNode(TineLanguage language, FrameDescriptor descriptor, String name, SourceSection section) {
        super(language, descriptor);
        this.name = name;
        this.section = section;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public boolean isInternal() {
        return section == null || section.getSource().isInternal();
    }

    @Override
    public String toString() {
        return name;
    }
}
