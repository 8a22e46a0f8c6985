package dev.tine.nodes;

import dev.tine.fork.Resumes;

import com.oracle.truffle.api.dsl.NodeChild;

/** An operator with two operands, evaluated left to right. */
@Resumes(Resumes.How.OPERANDS_AGAIN)
@NodeChild("left")
@NodeChild("right")
public abstract class BinaryNode extends TineExpressionNode {
}
