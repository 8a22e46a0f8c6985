package dev.tine.nodes.access;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.TineContext;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.GlobalCell;

/**
 * Reads a global, else a built-in of that name; neither is a NameError. What the name resolves
 * to is looked up once per context and kept in one immutable holder: a cell is the same for the
 * context's life, and a built-in stays the answer until a new global appears in the context
 * (TineContext.globalsVersion). While one context runs the node, the holder is a compilation
 * constant, so compiled code reads a function's global as the function itself (GlobalCell); once
 * a second context of a shared engine runs it, each read checks the holder's context instead.
 */
public final class ReadGlobalNode extends TineExpressionNode {
    private final String name;
    @CompilationFinal private Resolved resolved;
    @CompilationFinal private boolean shared;
    private Resolved lastShared; // immutable: its final fields are safe to read from any thread

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
        Resolved r = shared ? lastShared : resolved;
        if (r == null || r.context != context) {
            r = resolveAgain(context);
        }
        GlobalCell cell = r.cell;
        if (cell != null) {
            Object v = cell.read();
            if (v != null) {
                return v;
            }
        }
        if (r.version != context.globalsVersion) {
            r = resolveAgain(context);
            if (r.cell != null && r.cell.isDefined()) {
                return r.cell.read();
            }
        }
        if (r.builtin != null) {
            return r.builtin;
        }
        throw Errors.nameError("name '" + name + "' is not defined", this);
    }

    private Resolved resolveAgain(TineContext context) {
        if (!shared) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
        }
        return resolve(context);
    }

    @TruffleBoundary
    private Resolved resolve(TineContext context) {
        Resolved r = new Resolved(context, context.globalsVersion, context.existingGlobal(name), context.builtin(name));
        if (!shared && resolved != null && resolved.context != context) {
            shared = true;
        }
        if (shared) {
            lastShared = r;
        } else {
            resolved = r;
        }
        return r;
    }
}
