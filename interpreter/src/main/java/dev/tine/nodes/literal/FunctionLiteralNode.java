package dev.tine.nodes.literal;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineFunction;

/**
 * `fn (a, b) { ... }`: a closure over the cells it names. Capture i comes from the enclosing
 * frame's slot {@code fromSlot[i]} when that is >= 0, else from the enclosing closure's cell
 * {@code fromCell[i]}.
 */
public final class FunctionLiteralNode extends TineExpressionNode {
    private final String name;
    private final RootCallTarget target;
    private final int arity;
    @CompilationFinal(dimensions = 1) private final int[] fromSlot;
    @CompilationFinal(dimensions = 1) private final int[] fromCell;

    public FunctionLiteralNode(String name, RootCallTarget target, int arity, int[] fromSlot, int[] fromCell) {
        this.name = name;
        this.target = target;
        this.arity = arity;
        this.fromSlot = fromSlot;
        this.fromCell = fromCell;
    }

    public RootCallTarget getTarget() {
        return target;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Cell[] cells = new Cell[fromSlot.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = fromSlot[i] >= 0 ? (Cell) frame.getObject(fromSlot[i])
                            : ((TineFunction) frame.getArguments()[0]).cells[fromCell[i]];
        }
        return new TineFunction(name, target, arity, arity, cells);
    }
}
