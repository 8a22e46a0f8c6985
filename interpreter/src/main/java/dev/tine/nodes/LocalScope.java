package dev.tine.nodes;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

import dev.tine.TineLanguage;
import dev.tine.nodes.control.BlockNode;
import dev.tine.nodes.control.ForNode;
import dev.tine.nodes.control.TryNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.HostValues;
import dev.tine.runtime.TineFunction;
import dev.tine.runtime.TineList;

/**
 * The variables a node sees, as a debugger shows them (NodeLibrary.getScope on TineNode): the
 * locals of the enclosing blocks, a `for` variable, a `catch` name, the arguments, then the
 * variables the closure captured. It has no parent: the globals are the language's top scope
 * (TineLanguage.getScope), which a debugger shows besides (as a parent too, DevTools would list them
 * twice). A local shadowed by an inner one shows once. Without a frame (a static view) the names have no values; with
 * one, a local whose `let` has not run yet is left out.
 */
@ExportLibrary(InteropLibrary.class)
final class LocalScope implements TruffleObject {
    /** Where a variable lives: a slot of the frame, or a cell of the closure. */
    private record Var(int slot, int cell) {
    }

    private final Node node;
    private final MaterializedFrame frame;
    private final Map<String, Var> vars;

    private LocalScope(Node node, MaterializedFrame frame, Map<String, Var> vars) {
        this.node = node;
        this.frame = frame;
        this.vars = vars;
    }

    @TruffleBoundary
    static LocalScope at(Node node, MaterializedFrame frame) {
        Map<String, Var> vars = new LinkedHashMap<>();
        Node child = null;
        for (Node n = node; n != null; child = n, n = n.getParent()) {
            if (n instanceof BlockNode b) {
                addAll(vars, b.getLocals(), frame);
            } else if (n instanceof ForNode f && child != null && f.isBodyPath(child)) {
                add(vars, f.getVar(), frame);
            } else if (n instanceof TryNode t && child != null && isOrWraps(child, t.getHandler()) && t.getCatchVar() != null) {
                add(vars, t.getCatchVar(), frame);
            } else if (n instanceof FunctionBodyNode function) {
                addAll(vars, function.getParams(), frame);
                String[] captured = function.getCaptureNames();
                for (int i = 0; i < captured.length; i++) {
                    vars.putIfAbsent(captured[i], new Var(-1, i));
                }
                break;
            }
        }
        return new LocalScope(node, frame, vars);
    }

    private static boolean isOrWraps(Node child, Node target) {
        return child == target || child instanceof InstrumentableNode.WrapperNode w && w.getDelegateNode() == target;
    }

    private static void addAll(Map<String, Var> vars, dev.tine.translator.LocalVar[] locals, Frame frame) {
        for (int i = 0; i < locals.length; i++) { // one block never declares a name twice
            add(vars, locals[i], frame);
        }
    }

    private static void add(Map<String, Var> vars, dev.tine.translator.LocalVar v, Frame frame) {
        if (vars.containsKey(v.name) || frame != null && frame.getValue(v.slot) == null) {
            return; // shadowed, or its `let` has not run
        }
        vars.put(v.name, new Var(v.slot, -1));
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return TineLanguage.class;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        TineList names = new TineList();
        for (String name : vars.keySet()) {
            names.add(name);
        }
        return names;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return frame != null && vars.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) {
        return isMemberReadable(member);
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false; // a new variable needs a `let`
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Var v = frame == null ? null : vars.get(member);
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        if (v.cell >= 0) {
            return ((TineFunction) frame.getArguments()[0]).cells[v.cell].value;
        }
        Object value = frame.getValue(v.slot);
        return value instanceof Cell c ? c.value : value;
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object hostValue) throws UnknownIdentifierException {
        Var v = frame == null ? null : vars.get(member);
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        Object value = HostValues.fromHost(hostValue);
        if (v.cell >= 0) {
            ((TineFunction) frame.getArguments()[0]).cells[v.cell].value = value;
        } else if (frame.getValue(v.slot) instanceof Cell c) {
            c.value = value; // a local a closure captured: the closure sees the change too
        } else {
            frame.setObject(v.slot, value);
        }
    }

    @ExportMessage
    boolean hasSourceLocation() {
        return node.getRootNode() != null && node.getRootNode().getSourceSection() != null;
    }

    @ExportMessage
    SourceSection getSourceLocation() throws UnsupportedMessageException {
        if (!hasSourceLocation()) {
            throw UnsupportedMessageException.create();
        }
        return node.getRootNode().getSourceSection();
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return node.getRootNode() == null ? "local" : node.getRootNode().getName();
    }
}
