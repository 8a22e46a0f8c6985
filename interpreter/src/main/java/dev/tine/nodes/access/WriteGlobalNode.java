package dev.tine.nodes.access;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.TineContext;
import dev.tine.fork.Rehearsal;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.GlobalCell;

/**
 * `let g = v` at the top level (declare), or `g = v` on an existing global. The cell is looked up
 * once per context and kept, as ReadGlobalNode keeps it: a context's cell for a name never
 * changes, and a top-level loop writes its globals on every iteration.
 */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class WriteGlobalNode extends TineExpressionNode {
    private final String name;
    private final boolean declare;
    @Child private TineExpressionNode value;
    private Resolved resolved; // immutable: contexts of one engine share this node

    private record Resolved(TineContext context, GlobalCell cell) {
    }

    public WriteGlobalNode(String name, boolean declare, TineExpressionNode value) {
        this.name = name;
        this.declare = declare;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        TineContext context = TineContext.get(this);
        Resolved r = resolved;
        GlobalCell cell = r != null && r.context == context ? r.cell : lookUp(context);
        if (cell == null || !(cell.isDefined() || declare)) {
            throw Errors.nameError("name '" + name + "' is not defined", this);
        }
        Object v = value.executeGeneric(frame);
        Rehearsal.journal(this, cell);
        cell.set(v);
        return v;
    }

    @TruffleBoundary
    private GlobalCell lookUp(TineContext context) {
        GlobalCell cell = declare ? context.globalCell(name) : context.existingGlobal(name);
        if (cell != null) {
            resolved = new Resolved(context, cell);
        }
        return cell;
    }
}
