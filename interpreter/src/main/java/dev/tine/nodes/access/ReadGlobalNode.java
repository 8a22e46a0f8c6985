package dev.tine.nodes.access;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.TineContext;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.GlobalCell;

/**
 * Reads a global, else a built-in of that name; neither is a NameError. What the name resolves
 * to is looked up once per context and kept (one immutable holder, since contexts of one engine
 * share this node): a cell is the same for the context's life, and a built-in stays the answer
 * until a new global appears in the context (TineContext.globalsVersion).
 */
public final class ReadGlobalNode extends TineExpressionNode {
    private final String name;
    private Resolved resolved; // immutable: its final fields are safe to read from any thread

    private record Resolved(TineContext context, int version, GlobalCell cell, Object builtin) {
    }

    public ReadGlobalNode(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        TineContext context = TineContext.get(this);
        Resolved r = resolved;
        if (r == null || r.context != context || (r.cell == null || !r.cell.defined) && r.version != context.globalsVersion) {
            r = resolve(context);
        }
        if (r.cell != null && r.cell.defined) {
            return r.cell.value;
        }
        if (r.builtin != null) {
            return r.builtin;
        }
        throw Errors.nameError("name '" + name + "' is not defined", this);
    }

    @TruffleBoundary
    private Resolved resolve(TineContext context) {
        Resolved r = new Resolved(context, context.globalsVersion, context.existingGlobal(name), context.builtin(name));
        resolved = r;
        return r;
    }
}
