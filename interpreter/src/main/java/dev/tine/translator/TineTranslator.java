package dev.tine.translator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

import dev.tine.TineLanguage;
import dev.tine.nodes.FunctionRootNode;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.nodes.TineNode;
import dev.tine.nodes.access.IndexReadNodeGen;
import dev.tine.nodes.access.IndexWriteNodeGen;
import dev.tine.nodes.access.ReadCellNode;
import dev.tine.nodes.access.ReadGlobalNode;
import dev.tine.nodes.access.ReadLocalNode;
import dev.tine.nodes.access.ReadSlotNode;
import dev.tine.nodes.access.SpillNode;
import dev.tine.nodes.access.WriteCellNode;
import dev.tine.nodes.access.WriteGlobalNode;
import dev.tine.nodes.access.WriteLocalNode;
import dev.tine.nodes.arith.AddNodeGen;
import dev.tine.nodes.arith.DivNodeGen;
import dev.tine.nodes.arith.ModNodeGen;
import dev.tine.nodes.arith.MulNodeGen;
import dev.tine.nodes.arith.NegNodeGen;
import dev.tine.nodes.arith.SubNodeGen;
import dev.tine.nodes.call.CallNode;
import dev.tine.nodes.control.BlockNode;
import dev.tine.nodes.control.BreakNode;
import dev.tine.nodes.control.ContinueNode;
import dev.tine.nodes.control.ForNode;
import dev.tine.nodes.control.IfNode;
import dev.tine.nodes.control.ProgramNode;
import dev.tine.nodes.control.ReturnNode;
import dev.tine.nodes.control.ThrowNode;
import dev.tine.nodes.control.TryNode;
import dev.tine.nodes.control.WhileNode;
import dev.tine.nodes.literal.ConstantNode;
import dev.tine.nodes.literal.FunctionLiteralNode;
import dev.tine.nodes.literal.InterpolationNode;
import dev.tine.nodes.literal.ListLiteralNode;
import dev.tine.nodes.literal.MapLiteralNode;
import dev.tine.nodes.logic.AndNode;
import dev.tine.nodes.logic.CompareNode.Relation;
import dev.tine.nodes.logic.CompareNodeGen;
import dev.tine.nodes.logic.ConditionNode;
import dev.tine.nodes.logic.EqualNodeGen;
import dev.tine.nodes.logic.NotNode;
import dev.tine.nodes.logic.OrNode;
import dev.tine.parser.TineParser;
import dev.tine.parser.TineParser.*;
import dev.tine.runtime.IntText;
import dev.tine.runtime.TineNull;

/**
 * Builds the Truffle tree of a source from its parse tree. Every value that is in flight while
 * a later call runs is spilled to a frame slot (see {@link SpillNode}), so that the frames alone
 * say where a running program is.
 */
public final class TineTranslator {
    private final TineLanguage language;
    private final Source source;
    private final SourceUnit unit;
    private FunctionScope scope;
    /** How many calls have been translated: tells whether an operand contains one. */
    private int calls;
    /** The statement or expression being translated: where a stack overflow is reported. */
    private ParserRuleContext current;
    private int statements;

    private TineTranslator(TineLanguage language, Source source) {
        this.language = language;
        this.source = source;
        this.unit = new SourceUnit(source);
    }

    public static FunctionRootNode translateProgram(TineLanguage language, Source source) {
        return translateUnit(language, source).main();
    }

    /** The program and every function in it; the main program is the last root. */
    public static SourceUnit translateUnit(TineLanguage language, Source source) {
        FileContext tree = TineParsing.parse(source);
        TineTranslator translator = new TineTranslator(language, source);
        try {
            translator.program(tree);
        } catch (StackOverflowError e) {
            // the parser's depth limit keeps this away on ordinary stacks; a host's small one may still get here
            throw translator.error(translator.current.getStart(), TineParsing.TOO_DEEP);
        }
        return translator.unit;
    }

    private TineSyntaxError error(Token at, String what) {
        return TineSyntaxError.at(source, at.getLine(), at.getCharPositionInLine() + 1, what);
    }

    private <T extends TineNode> T at(T node, ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop() == null ? start : Math.max(ctx.getStop().getStopIndex(), start);
        node.setSourceRange(start, stop - start + 1);
        return node;
    }

    private SourceSection section(ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        return source.createSection(start, ctx.getStop().getStopIndex() - start + 1);
    }

    // ---- functions and programs

    private FunctionRootNode program(FileContext file) {
        scope = new FunctionScope(null, true);
        scope.pushBlock();
        List<TineNode> body = new ArrayList<>();
        // Top-level functions are visible in the whole file: define them first.
        for (StmtContext s : file.stmt()) {
            if (s instanceof FnDeclContext fn) {
                declareGlobal(fn.name);
            }
        }
        for (StmtContext s : file.stmt()) {
            if (s instanceof FnDeclContext fn) {
                TineNode declaration = at(new WriteGlobalNode(fn.name.getText(), true, function(fn.name.getText(), fn.params(), fn.block(), fn)), fn);
                declaration.markStatement();
                body.add(declaration);
            }
        }
        for (StmtContext s : file.stmt()) {
            if (!(s instanceof FnDeclContext)) {
                body.add(statement(s));
            }
        }
        List<StmtContext> stmts = file.stmt();
        boolean valueOfLast = !stmts.isEmpty() && stmts.get(stmts.size() - 1) instanceof ExprStmtContext e && e.op == null;
        ProgramNode node = new ProgramNode(body.toArray(TineNode[]::new), valueOfLast);
        if (source.getLength() > 0) {
            node.setSourceRange(0, source.getLength()); // the program is a root the tools see
        }
        SourceSection whole = source.getLength() == 0 ? source.createUnavailableSection() : source.createSection(0, source.getLength());
        FunctionRootNode root = new FunctionRootNode(language, scope.frame.build(), "<main>", whole, new LocalVar[0], node);
        root.setUnit(unit, unit.roots.size());
        unit.roots.add(root);
        scope = null;
        return root;
    }

    private void declareGlobal(Token name) {
        if (scope.declaredInInnermost(name.getText())) {
            throw error(name, "'" + name.getText() + "' is already declared in this block");
        }
        scope.declareGlobal(name.getText());
    }

    private FunctionLiteralNode function(String name, ParamsContext params, BlockContext block, ParserRuleContext whole) {
        FunctionScope outer = scope;
        scope = new FunctionScope(outer, false);
        scope.pushBlock();
        List<LocalVar> vars = new ArrayList<>();
        for (TerminalNode p : params.IDENT()) {
            if (scope.declaredInInnermost(p.getText())) {
                throw error(p.getSymbol(), "duplicate parameter '" + p.getText() + "'");
            }
            vars.add(scope.declare(p.getText()));
        }
        TineNode body = block(block);
        FunctionRootNode root = new FunctionRootNode(language, scope.frame.build(), name, section(whole), vars.toArray(LocalVar[]::new), body);
        root.setUnit(unit, unit.roots.size());
        root.setCaptureNames(scope.captureNames.toArray(String[]::new));
        unit.roots.add(root);
        FunctionLiteralNode node = new FunctionLiteralNode(name, root.getCallTarget(), vars.size(),
                        FunctionScope.toArray(scope.captureFromSlot), FunctionScope.toArray(scope.captureFromCell));
        scope = outer;
        return at(node, whole);
    }

    // ---- statements

    private BlockNode block(BlockContext ctx) {
        scope.pushBlock();
        List<TineNode> stmts = new ArrayList<>();
        for (StmtContext s : ctx.stmt()) {
            stmts.add(statement(s));
        }
        BlockNode node = new BlockNode(stmts.toArray(TineNode[]::new));
        node.setLocals(scope.popBlock());
        return at(node, ctx);
    }

    private TineNode statement(StmtContext s) {
        current = s;
        if (++statements % 256 == 0) {
            TruffleSafepoint.poll(null); // a huge source: cancel and interrupt stop the translation too
        }
        TineNode node = switch (s) {
            case LetStmtContext let -> let(let);
            case FnDeclContext fn -> localFunction(fn);
            case IfStmtContext ifs -> ifChain(ifs.ifChain());
            case WhileStmtContext w -> whileLoop(w);
            case ForStmtContext f -> forLoop(f);
            case BreakStmtContext b -> {
                if (scope.loopDepth == 0) {
                    throw error(b.getStart(), "'break' outside a loop");
                }
                yield new BreakNode();
            }
            case ContinueStmtContext c -> {
                if (scope.loopDepth == 0) {
                    throw error(c.getStart(), "'continue' outside a loop");
                }
                yield new ContinueNode();
            }
            case ReturnStmtContext r -> {
                if (scope.isMain) {
                    throw error(r.getStart(), "'return' outside a function");
                }
                yield new ReturnNode(r.expr() == null ? new ConstantNode(TineNull.INSTANCE) : expr(r.expr()));
            }
            case TryStmtContext t -> tryStatement(t);
            case ThrowStmtContext t -> new ThrowNode(expr(t.expr()));
            case ExprStmtContext e -> e.op == null ? expr(e.target) : assign(e);
            default -> throw new IllegalStateException("unknown statement " + s.getClass());
        };
        TineNode result = node.hasSourceRange() ? node : at(node, s);
        result.markStatement(); // StatementTag, for the debugger and coverage
        return result;
    }

    private TineNode let(LetStmtContext let) {
        String name = let.name.getText();
        boolean isFunction = let.expr() != null && let.expr() instanceof PrimaryExprContext p && p.primary() instanceof FnLitContext;
        if (scope.atGlobalLevel()) {
            declareGlobal(let.name);
            return new WriteGlobalNode(name, true, letValue(let, name));
        }
        if (scope.declaredInInnermost(name)) {
            throw error(let.name, "'" + name + "' is already declared in this block");
        }
        // A function may call itself by the name it is bound to; any other initializer sees the outer name.
        if (isFunction) {
            LocalVar v = scope.declare(name);
            return new WriteLocalNode(v, true, letValue(let, name));
        }
        TineExpressionNode value = letValue(let, name);
        return new WriteLocalNode(scope.declare(name), true, value);
    }

    private TineExpressionNode letValue(LetStmtContext let, String name) {
        return let.expr() == null ? new ConstantNode(TineNull.INSTANCE) : namedExpr(let.expr(), name);
    }

    /** A function literal bound to a name takes that name, for stack traces. */
    private TineExpressionNode namedExpr(ExprContext e, String name) {
        if (e instanceof PrimaryExprContext p && p.primary() instanceof FnLitContext fn) {
            return function(name, fn.params(), fn.block(), fn);
        }
        return expr(e);
    }

    private TineNode localFunction(FnDeclContext fn) {
        String name = fn.name.getText();
        if (scope.declaredInInnermost(name)) {
            throw error(fn.name, "'" + name + "' is already declared in this block");
        }
        LocalVar v = scope.declare(name);
        return new WriteLocalNode(v, true, function(name, fn.params(), fn.block(), fn));
    }

    private TineNode ifChain(IfChainContext ctx) {
        ConditionNode cond = condition(ctx.expr());
        TineNode then = block(ctx.block(0));
        TineNode otherwise = null;
        if (ctx.elseIf != null) {
            otherwise = at(ifChain(ctx.elseIf), ctx.elseIf);
        } else if (ctx.elseBlock != null) {
            otherwise = block(ctx.elseBlock);
        }
        return at(new IfNode(cond, then, otherwise), ctx);
    }

    private TineNode whileLoop(WhileStmtContext w) {
        ConditionNode cond = condition(w.expr());
        scope.loopDepth++;
        TineNode body = block(w.block());
        scope.loopDepth--;
        return new WhileNode(cond, body);
    }

    private TineNode forLoop(ForStmtContext f) {
        TineExpressionNode iterable = expr(f.expr());
        int seqSlot = scope.newSlot("<for-seq>");
        int posSlot = scope.newSlot("<for-pos>");
        scope.pushBlock();
        LocalVar var = scope.declare(f.var.getText());
        scope.loopDepth++;
        TineNode body = block(f.block());
        scope.loopDepth--;
        scope.popBlock();
        return new ForNode(var, seqSlot, posSlot, iterable, body);
    }

    private TineNode tryStatement(TryStmtContext t) {
        if (t.handler == null && t.fin == null) {
            throw error(t.getStart(), "'try' needs 'catch' or 'finally'");
        }
        TineNode body = block(t.body);
        LocalVar catchVar = null;
        TineNode handler = null;
        if (t.handler != null) {
            scope.pushBlock();
            if (t.var != null) {
                catchVar = scope.declare(t.var.getText());
            }
            handler = block(t.handler);
            scope.popBlock();
        }
        TineNode fin = t.fin == null ? null : block(t.fin);
        return new TryNode(body, catchVar, handler, fin, fin == null ? -1 : scope.newSlot("<finally-pending>"));
    }

    private TineNode assign(ExprStmtContext a) {
        String op = a.op.getText();
        ExprContext target = a.target;
        if (target instanceof PrimaryExprContext p && p.primary() instanceof NameRefContext n) {
            String name = n.IDENT().getText();
            TineExpressionNode value = op.equals("=") ? namedExpr(a.value, name)
                            : binary(op.substring(0, 1), at(readName(name, n), n), expr(a.value), a);
            return writeName(name, value);
        }
        TineExpressionNode object;
        TineExpressionNode index;
        ParserRuleContext objectCtx;
        if (target instanceof IndexExprContext ix) {
            objectCtx = ix.expr(0);
            int before = calls;
            object = expr(ix.expr(0));
            index = expr(ix.index);
            if (calls > before) {
                object = spill(object);
            }
        } else if (target instanceof FieldExprContext fx) {
            objectCtx = fx.expr();
            object = expr(fx.expr());
            index = new ConstantNode(fx.IDENT().getText());
        } else {
            throw error(target.getStart(), "cannot assign to this expression");
        }
        if (op.equals("=")) {
            int before = calls;
            TineExpressionNode value = expr(a.value);
            if (calls > before) {
                object = object instanceof SpillNode ? object : spill(object);
                index = spill(index);
            }
            return IndexWriteNodeGen.create(object, index, value);
        }
        SpillNode obj = object instanceof SpillNode s ? s : spill(object);
        SpillNode idx = spill(index);
        TineExpressionNode current = at(IndexReadNodeGen.create(new ReadSlotNode(obj.getSlot()), new ReadSlotNode(idx.getSlot())), objectCtx);
        return IndexWriteNodeGen.create(obj, idx, binary(op.substring(0, 1), current, expr(a.value), a));
    }

    private SpillNode spill(TineExpressionNode value) {
        return new SpillNode(scope.newSlot("<spill>"), value);
    }

    private TineExpressionNode readName(String name, ParserRuleContext ctx) {
        LocalVar local = scope.findLocal(name);
        if (local != null) {
            return new ReadLocalNode(local);
        }
        int cell = scope.findCapture(name);
        if (cell >= 0) {
            return new ReadCellNode(cell);
        }
        return new ReadGlobalNode(name);
    }

    private TineExpressionNode writeName(String name, TineExpressionNode value) {
        LocalVar local = scope.findLocal(name);
        if (local != null) {
            return new WriteLocalNode(local, false, value);
        }
        int cell = scope.findCapture(name);
        if (cell >= 0) {
            return new WriteCellNode(cell, value);
        }
        return new WriteGlobalNode(name, false, value);
    }

    // ---- expressions

    private ConditionNode condition(ExprContext e) {
        return at(new ConditionNode(expr(e)), e);
    }

    private TineExpressionNode expr(ExprContext e) {
        current = e;
        TineExpressionNode node = switch (e) {
            case PrimaryExprContext p -> primary(p.primary());
            case CallExprContext c -> call(c);
            case IndexExprContext ix -> {
                TineExpressionNode[] ops = operands(List.of(ix.expr(0), ix.index));
                yield IndexReadNodeGen.create(ops[0], ops[1]);
            }
            case FieldExprContext f -> IndexReadNodeGen.create(expr(f.expr()), new ConstantNode(f.IDENT().getText()));
            case NegExprContext n -> negate(n);
            case MulExprContext m -> binary(m.op.getText(), m.left, m.right, m);
            case AddExprContext a -> binary(a.op.getText(), a.left, a.right, a);
            case CmpExprContext c -> binary(c.op.getText(), c.left, c.right, c);
            case NotExprContext n -> new NotNode(condition(n.expr()));
            case AndExprContext a -> new AndNode(condition(a.left), condition(a.right));
            case OrExprContext o -> new OrNode(condition(o.left), condition(o.right));
            default -> throw new IllegalStateException("unknown expression " + e.getClass());
        };
        return node.hasSourceRange() ? node : at(node, e);
    }

    private TineExpressionNode negate(NegExprContext n) {
        if (n.expr() instanceof PrimaryExprContext p && p.primary() instanceof IntLitContext lit) {
            return new ConstantNode(intValue("-" + lit.getText().replace("_", ""), lit));
        }
        return NegNodeGen.create(expr(n.expr()));
    }

    private TineExpressionNode binary(String op, ExprContext left, ExprContext right, ParserRuleContext ctx) {
        TineExpressionNode[] ops = operands(List.of(left, right));
        return binary(op, ops[0], ops[1], ctx);
    }

    private TineExpressionNode binary(String op, TineExpressionNode l, TineExpressionNode r, ParserRuleContext ctx) {
        TineExpressionNode node = switch (op) {
            case "+" -> AddNodeGen.create(l, r);
            case "-" -> SubNodeGen.create(l, r);
            case "*" -> MulNodeGen.create(l, r);
            case "/" -> DivNodeGen.create(l, r);
            case "%" -> ModNodeGen.create(l, r);
            case "==" -> EqualNodeGen.create(false, l, r);
            case "!=" -> EqualNodeGen.create(true, l, r);
            case "<" -> CompareNodeGen.create(Relation.LESS, l, r);
            case "<=" -> CompareNodeGen.create(Relation.LESS_OR_EQUAL, l, r);
            case ">" -> CompareNodeGen.create(Relation.GREATER, l, r);
            case ">=" -> CompareNodeGen.create(Relation.GREATER_OR_EQUAL, l, r);
            default -> throw new IllegalStateException(op);
        };
        return at(node, ctx);
    }

    /** Translates operands left to right; those evaluated before a later operand's call are spilled. */
    private TineExpressionNode[] operands(List<? extends ParserRuleContext> ctxs) {
        TineExpressionNode[] nodes = new TineExpressionNode[ctxs.size()];
        int[] callsAfter = new int[ctxs.size() + 1];
        for (int i = 0; i < nodes.length; i++) {
            callsAfter[i] = calls;
            nodes[i] = expr((ExprContext) ctxs.get(i));
        }
        callsAfter[nodes.length] = calls;
        for (int i = 0; i < nodes.length - 1; i++) {
            if (calls > callsAfter[i + 1]) {
                nodes[i] = spill(nodes[i]);
            }
        }
        return nodes;
    }

    private TineExpressionNode call(CallExprContext c) {
        List<ExprContext> all = c.expr();
        TineExpressionNode[] ops = operands(all);
        calls++;
        TineExpressionNode[] args = new TineExpressionNode[ops.length - 1];
        System.arraycopy(ops, 1, args, 0, args.length);
        return new CallNode(ops[0], args);
    }

    private TineExpressionNode primary(PrimaryContext p) {
        TineExpressionNode node = switch (p) {
            case IntLitContext i -> new ConstantNode(intValue(i.getText().replace("_", ""), i));
            case FloatLitContext f -> new ConstantNode(Double.parseDouble(f.getText().replace("_", "")));
            case TrueLitContext t -> new ConstantNode(true);
            case FalseLitContext f -> new ConstantNode(false);
            case NullLitContext n -> new ConstantNode(TineNull.INSTANCE);
            case RawStringLitContext r -> new ConstantNode(r.getText().substring(1, r.getText().length() - 1));
            case StringLitContext s -> string(s);
            case NameRefContext n -> readName(n.IDENT().getText(), n);
            case ParenExprContext pe -> expr(pe.expr());
            case ListLitContext l -> new ListLiteralNode(operands(l.expr()));
            case MapLitContext m -> map(m);
            case FnLitContext fn -> function("<fn>", fn.params(), fn.block(), fn);
            default -> throw new IllegalStateException("unknown primary " + p.getClass());
        };
        return node.hasSourceRange() ? node : at(node, p);
    }

    private Object intValue(String text, ParserRuleContext ctx) {
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        BigInteger v = digits.startsWith("0x") || digits.startsWith("0X") ? IntText.parse(digits.substring(2), 16) : IntText.parse(digits, 10);
        return dev.tine.nodes.TineTypes.normalize(negative ? v.negate() : v);
    }

    private TineExpressionNode map(MapLitContext m) {
        List<ExprContext> flat = new ArrayList<>();
        for (MapEntryContext e : m.mapEntry()) {
            flat.add(e.key);
            flat.add(e.value);
        }
        TineExpressionNode[] ops = operands(flat);
        TineExpressionNode[] keys = new TineExpressionNode[ops.length / 2];
        TineExpressionNode[] values = new TineExpressionNode[ops.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ops[2 * i];
            values[i] = ops[2 * i + 1];
        }
        return new MapLiteralNode(keys, values);
    }

    private TineExpressionNode string(StringLitContext s) {
        List<Object> parts = new ArrayList<>(); // String pieces and interpolated ExprContexts
        StringBuilder text = new StringBuilder();
        for (StrPartContext part : s.strPart()) {
            if (part.expr() != null) {
                if (!text.isEmpty()) {
                    parts.add(text.toString());
                    text.setLength(0);
                }
                parts.add(part.expr());
            } else if (part.STR_ESC() != null) {
                String decoded = StringLiterals.decodeEscape(part.getText());
                if (decoded == null) {
                    throw error(part.getStart(), "invalid escape '" + part.getText() + "'");
                }
                text.append(decoded);
            } else {
                text.append(part.getText());
            }
        }
        if (parts.isEmpty()) {
            return new ConstantNode(text.toString());
        }
        if (!text.isEmpty()) {
            parts.add(text.toString());
        }
        List<ExprContext> exprs = new ArrayList<>();
        for (Object o : parts) {
            if (o instanceof ExprContext e) {
                exprs.add(e);
            }
        }
        TineExpressionNode[] translated = operands(exprs);
        TineExpressionNode[] nodes = new TineExpressionNode[parts.size()];
        int next = 0;
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = parts.get(i) instanceof String str ? new ConstantNode(str) : translated[next++];
        }
        return new InterpolationNode(nodes);
    }
}
