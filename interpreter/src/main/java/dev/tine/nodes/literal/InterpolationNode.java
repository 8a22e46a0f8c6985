package dev.tine.nodes.literal;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.tine.fork.Resumes;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Printer;

/** `"text ${expr} text"`: the parts' str() joined. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
public final class InterpolationNode extends TineExpressionNode {
    @Children private final TineExpressionNode[] parts;

    public InterpolationNode(TineExpressionNode[] parts) {
        this.parts = parts;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        String[] strings = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            strings[i] = Printer.str(parts[i].executeGeneric(frame));
        }
        return join(strings);
    }

    @TruffleBoundary
    private static String join(String[] strings) {
        return String.join("", strings);
    }
}
