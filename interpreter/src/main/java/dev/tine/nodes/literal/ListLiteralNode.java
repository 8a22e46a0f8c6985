package dev.tine.nodes.literal;

import java.util.ArrayList;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.TineList;

/** `[a, b, c]` */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class ListLiteralNode extends TineExpressionNode {
    @Children private final TineExpressionNode[] elements;

    public ListLiteralNode(TineExpressionNode[] elements) {
        this.elements = elements;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        ArrayList<Object> items = new ArrayList<>(elements.length);
        for (TineExpressionNode e : elements) {
            items.add(e.executeGeneric(frame));
        }
        TineList list = new TineList();
        list.items.addAll(items);
        return list;
    }
}
