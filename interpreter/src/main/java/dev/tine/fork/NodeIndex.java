package dev.tine.fork;

import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeUtil;
import com.oracle.truffle.api.nodes.RepeatingNode;

import dev.tine.nodes.TineNode;

/**
 * Names a node of a function by its position among the function's Tine nodes in pre-order.
 * The translator builds the same tree from the same text, so a position found in the parent
 * names the same node in a fork child. Nodes the DSL adds at run time are not Tine nodes.
 */
final class NodeIndex {
    private NodeIndex() {
    }

    static int indexOf(Node root, Node target) {
        int[] counter = {0};
        int[] found = {-1};
        walk(root, n -> {
            if (n == target) {
                found[0] = counter[0];
                return false;
            }
            counter[0]++;
            return true;
        });
        return found[0];
    }

    static Node nodeAt(Node root, int index) {
        int[] counter = {0};
        Node[] found = {null};
        walk(root, n -> {
            if (counter[0]++ == index) {
                found[0] = n;
                return false;
            }
            return true;
        });
        return found[0];
    }

    private interface Visitor {
        boolean visit(Node n);
    }

    private static boolean walk(Node parent, Visitor visitor) {
        return NodeUtil.forEachChild(parent, child -> {
            if (child instanceof InstrumentableNode.WrapperNode) {
                return walk(child, visitor); // a tool's wrapper (tine --cpusampler ...): the child process has none
            }
            if (child instanceof LoopNode || child instanceof RepeatingNode) {
                return walk(child, visitor); // a loop's Truffle LoopNode, made with it by the translator: its body is the loop's
            }
            return !(child instanceof TineNode) || (visitor.visit(child) && walk(child, visitor));
        });
    }
}
