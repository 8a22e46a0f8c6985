package dev.tine.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.fork.Rehearsal;
import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineNull;
import dev.tine.translator.LocalVar;

/**
 * `let x = v` (declare: a fresh variable, so each loop iteration's closures get their own) or
 * `x = v` (assign).
 */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class WriteLocalNode extends TineExpressionNode {
    private final LocalVar var;
    private final boolean declare;
    @Child private TineExpressionNode value;

    public WriteLocalNode(LocalVar var, boolean declare, TineExpressionNode value) {
        this.var = var;
        this.declare = declare;
        this.value = value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        if (!var.captured) {
            Object v = value.executeGeneric(frame);
            frame.setObject(var.slot, v);
            return v;
        }
        Cell cell;
        if (declare) {
            // The cell exists before the initializer runs, so `let f = fn() { f() }` can recurse.
            cell = new Cell(TineNull.INSTANCE);
            frame.setObject(var.slot, cell);
        } else {
            cell = (Cell) frame.getObject(var.slot);
            Rehearsal.journal(this, cell); // a fork rehearsal's frame shares its cells with the parent's
        }
        Object v = value.executeGeneric(frame);
        cell.value = v;
        return v;
    }
}
