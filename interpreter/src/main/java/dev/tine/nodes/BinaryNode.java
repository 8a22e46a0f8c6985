package dev.tine.nodes;

import com.oracle.truffle.api.dsl.NodeChild;

/** An operator with two operands, evaluated left to right. */
@NodeChild("left")
@NodeChild("right")
public abstract class BinaryNode extends TineExpressionNode {
}
