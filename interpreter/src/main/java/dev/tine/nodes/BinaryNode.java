package dev.tine.nodes;

import com.oracle.truffle.api.dsl.NodeChild;

import dev.tine.fork.Resumes;

/** An operator with two operands, evaluated left to right. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
@NodeChild("left")
@NodeChild("right")
public abstract class BinaryNode extends TineExpressionNode {
}
