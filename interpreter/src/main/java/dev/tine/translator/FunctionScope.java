package dev.tine.translator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;

/**
 * What the translator knows of one function being built: its frame slots, its nested block
 * scopes, and the variables it captures from enclosing functions (its cells).
 */
final class FunctionScope {
    final FunctionScope parent;
    final FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
    /** Innermost block last. For the main program the first block is the global scope. */
    private final ArrayDeque<Map<String, LocalVar>> blocks = new ArrayDeque<>();
    private final Map<Object, Integer> captureIndex = new HashMap<>();
    final List<Integer> captureFromSlot = new ArrayList<>();
    final List<Integer> captureFromCell = new ArrayList<>();
    /** The name of each captured variable, by cell index: the debugger's scope shows them. */
    final List<String> captureNames = new ArrayList<>();
    final boolean isMain;
    int loopDepth;

    FunctionScope(FunctionScope parent, boolean isMain) {
        this.parent = parent;
        this.isMain = isMain;
        newSlot("<result>"); // TineRootNode.RESULT_SLOT
    }

    void pushBlock() {
        blocks.addLast(new HashMap<>());
    }

    /** Ends the innermost block; returns its locals in the order declared (global-level names are none). */
    LocalVar[] popBlock() {
        return blocks.removeLast().values().stream().filter(v -> v != null).sorted((a, b) -> a.slot - b.slot).toArray(LocalVar[]::new);
    }

    /** True for the main program's outermost block, whose `let`s are globals. */
    boolean atGlobalLevel() {
        return isMain && blocks.size() == 1;
    }

    boolean declaredInInnermost(String name) {
        return blocks.peekLast().containsKey(name);
    }

    int newSlot(String name) {
        return frame.addSlot(FrameSlotKind.Illegal, name, null);
    }

    LocalVar declare(String name) {
        LocalVar v = new LocalVar(name, newSlot(name));
        blocks.peekLast().put(name, v);
        return v;
    }

    /** Marks a global-level name as taken, for the redeclaration check. */
    void declareGlobal(String name) {
        blocks.peekLast().put(name, null);
    }

    /** A local of this function, or null. Global-level names are not locals. */
    LocalVar findLocal(String name) {
        var it = blocks.descendingIterator();
        while (it.hasNext()) {
            Map<String, LocalVar> block = it.next();
            if (block.containsKey(name)) {
                return block.get(name);
            }
        }
        return null;
    }

    /** The cell index of a captured variable, or -1 when the name is not found in any enclosing function. */
    int findCapture(String name) {
        if (parent == null) {
            return -1;
        }
        LocalVar outer = parent.findLocal(name);
        if (outer != null) {
            outer.captured = true;
            return capture(outer, name, outer.slot, -1);
        }
        int outerCell = parent.findCapture(name);
        return outerCell < 0 ? -1 : capture("cell:" + outerCell, name, -1, outerCell);
    }

    private int capture(Object key, String name, int fromSlot, int fromCell) {
        return captureIndex.computeIfAbsent(key, k -> {
            captureNames.add(name);
            captureFromSlot.add(fromSlot);
            captureFromCell.add(fromCell);
            return captureFromSlot.size() - 1;
        });
    }

    static int[] toArray(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }
}
