package dev.tine.nodes;

import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

/** Every statement and expression node; it knows its place in the source for error messages. */
@TypeSystemReference(TineTypes.class)
@NodeInfo(language = "Tine")
public abstract class TineNode extends Node {
    private int sourceStart = -1;
    private int sourceLength;

    public abstract void executeVoid(VirtualFrame frame);

    public final void setSourceRange(int start, int length) {
        this.sourceStart = start;
        this.sourceLength = length;
    }

    public final boolean hasSourceRange() {
        return sourceStart >= 0;
    }

    @Override
    public SourceSection getSourceSection() {
        if (sourceStart < 0) {
            return null;
        }
        RootNode root = getRootNode();
        SourceSection rootSection = root == null ? null : root.getSourceSection();
        return rootSection == null ? null : rootSection.getSource().createSection(sourceStart, sourceLength);
    }
}
