package dev.tine.nodes;

import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

import dev.tine.nodes.control.ReturnException;
import dev.tine.runtime.TineFunction;

/**
 * Every statement and expression node; it knows its place in the source for error messages.
 * Instrumentable for Truffle's tools (debugger, profiler, coverage): statements carry
 * StatementTag, a function's (or program's) body RootBodyTag (RootTag is on FunctionBodyNode,
 * around it), expressions ExpressionTag, calls CallTag.
 */
@TypeSystemReference(TineTypes.class)
@NodeInfo(language = "Tine")
@GenerateWrapper
@ExportLibrary(value = NodeLibrary.class)
public abstract class TineNode extends Node implements InstrumentableNode {
    private int sourceStart = -1;
    private int sourceLength;
    private boolean statement;
    private boolean rootBody;

    public abstract void executeVoid(VirtualFrame frame);

    /**
     * Runs this as a statement and says how it completed: null normally, or the value of a
     * `return` it ran. Blocks, ifs and loops pass a return on this way, since in the interpreter
     * returning a value costs far less than throwing ReturnException; a node that does not (the
     * default) runs its statements with executeVoid, where a return still throws. (Not named
     * execute...: the DSL would implement it in every generated node, returning the node's value.)
     */
    public Object runStatement(VirtualFrame frame) {
        executeVoid(frame);
        return null;
    }

    /** executeVoid of a node that passes completions on: a return it ran goes on as ReturnException. */
    protected static void throwReturn(Object completion) {
        if (completion != null) {
            throw new ReturnException(completion);
        }
    }

    public final void setSourceRange(int start, int length) {
        this.sourceStart = start;
        this.sourceLength = length;
    }

    public final boolean hasSourceRange() {
        return sourceStart >= 0;
    }

    /** Set by the translator on the nodes that are statements of a block or program. */
    public final void markStatement() {
        this.statement = true;
    }

    /** Set by a function's root on its body. */
    public final void markRootBody() {
        this.rootBody = true;
    }

    public final boolean isRootBody() {
        return rootBody;
    }

    @Override
    public SourceSection getSourceSection() {
        if (sourceStart < 0) {
            return this instanceof WrapperNode w ? w.getDelegateNode().getSourceSection() : null;
        }
        RootNode root = getRootNode();
        SourceSection rootSection = root == null ? null : root.getSourceSection();
        return rootSection == null ? null : rootSection.getSource().createSection(sourceStart, sourceLength);
    }

    @Override
    public boolean isInstrumentable() {
        return hasSourceRange();
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new TineNodeWrapper(this, probe);
    }

    /** Scopes for the debugger: the locals and arguments this node sees (LocalScope), the globals above them. */
    @ExportMessage
    boolean hasScope(@SuppressWarnings("unused") Frame frame) {
        return getRootNode() instanceof FunctionRootNode;
    }

    @ExportMessage
    Object getScope(Frame frame, @SuppressWarnings("unused") boolean nodeEnter) throws UnsupportedMessageException {
        if (!hasScope(frame)) {
            throw UnsupportedMessageException.create();
        }
        return LocalScope.at(this, frame == null ? null : frame.materialize());
    }

    /** The function that runs: a debugger shows it as the frame's receiver-less instance. */
    @ExportMessage
    boolean hasRootInstance(Frame frame) {
        return frame != null && frame.getArguments().length > 0 && frame.getArguments()[0] instanceof TineFunction;
    }

    @ExportMessage
    Object getRootInstance(Frame frame) throws UnsupportedMessageException {
        if (!hasRootInstance(frame)) {
            throw UnsupportedMessageException.create();
        }
        return frame.getArguments()[0];
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        if (tag == StandardTags.StatementTag.class) {
            return statement;
        } else if (tag == StandardTags.RootBodyTag.class) {
            return rootBody;
        }
        return false;
    }
}
