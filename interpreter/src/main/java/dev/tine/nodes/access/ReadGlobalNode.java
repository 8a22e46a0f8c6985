package dev.tine.nodes.access;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.tine.TineContext;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.Errors;
import dev.tine.runtime.GlobalCell;

/** Reads a global, else a built-in of that name; neither is a NameError. */
public final class ReadGlobalNode extends TineExpressionNode {
    private final String name;

    public ReadGlobalNode(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        TineContext context = TineContext.get(this);
        GlobalCell cell = context.existingGlobal(name);
        if (cell != null && cell.defined) {
            return cell.value;
        }
        Object builtin = context.builtin(name);
        if (builtin != null) {
            return builtin;
        }
        throw Errors.nameError("name '" + name + "' is not defined", this);
    }
}
