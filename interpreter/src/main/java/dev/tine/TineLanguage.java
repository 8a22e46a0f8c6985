package dev.tine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

import org.graalvm.options.OptionDescriptors;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.dsl.NodeFactory;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.source.Source;

import dev.tine.builtins.Builtin;
import dev.tine.builtins.BuiltinNode;
import dev.tine.builtins.BuiltinProvider;
import dev.tine.builtins.BuiltinRootNode;
import dev.tine.builtins.ReadAllArgumentsNode;
import dev.tine.builtins.ReadArgumentNode;
import dev.tine.nodes.TineExpressionNode;
import dev.tine.runtime.TineFunction;
import dev.tine.fork.Pretranslated;
import dev.tine.fork.ResumeRootNode;
import dev.tine.fork.Spare;
import dev.tine.translator.SourceUnit;
import dev.tine.translator.TineTranslator;

@TruffleLanguage.Registration(id = TineLanguage.ID, name = "Tine", defaultMimeType = TineLanguage.MIME_TYPE,
                characterMimeTypes = TineLanguage.MIME_TYPE, byteMimeTypes = {ResumeRootNode.MIME_TYPE, Pretranslated.MIME_TYPE}, contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
                fileTypeDetectors = TineFileDetector.class, website = "https://github.com/tine-lang/tine")
@ProvidedTags({StandardTags.CallTag.class, StandardTags.StatementTag.class, StandardTags.RootTag.class,
                StandardTags.RootBodyTag.class, StandardTags.ExpressionTag.class})
public final class TineLanguage extends TruffleLanguage<TineContext> {
    public static final String ID = "tine";
    public static final String MIME_TYPE = "application/x-tine";

    private static final LanguageReference<TineLanguage> REFERENCE = LanguageReference.create(TineLanguage.class);

    private volatile Map<String, Object> builtins;
    private final List<BuiltinProvider> providers = new ArrayList<>();
    private SourceUnit prelude;

    public static TineLanguage get(com.oracle.truffle.api.nodes.Node node) {
        return REFERENCE.get(node);
    }

    @Override
    protected TineContext createContext(Env env) {
        return new TineContext(this, env);
    }

    @Override
    protected void initializeContext(TineContext context) {
        builtins(); // finds the providers
        context.installPrelude(preludeUnit().main().getCallTarget());
        for (BuiltinProvider provider : providers) {
            provider.initializeContext(context);
        }
    }

    @Override
    protected void finalizeContext(TineContext context) {
        context.flush();
    }

    @Override
    protected void disposeContext(TineContext context) {
        Spare.retire(context); // an embedding host's context: its spare ends with it
        dev.tine.posix.Blocking.release(context);
    }

    /** Context.getBindings("tine"): the globals. */
    @Override
    protected Object getScope(TineContext context) {
        return new dev.tine.runtime.GlobalScope(context);
    }

    /** Tine's primitives (Long, Double, Boolean, String) as the host displays them: str(). */
    @Override
    protected Object getLanguageView(TineContext context, Object value) {
        return new dev.tine.runtime.LanguageView(value);
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new TineOptionsOptionDescriptors();
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (ResumeRootNode.MIME_TYPE.equals(source.getMimeType())) {
            return new ResumeRootNode(this, source.getBytes().toByteArray()).getCallTarget();
        }
        if (Pretranslated.MIME_TYPE.equals(source.getMimeType())) {
            return Pretranslated.parse(this, source.getBytes().toByteArray());
        }
        return TineTranslator.translateProgram(this, source).getCallTarget();
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        return singleThreaded;
    }

    /** A built-in function (made at its first use: most scripts use few) or constant; null if there is none of that name. */
    @TruffleBoundary
    public Object builtin(String name) {
        Map<String, Object> all = builtins;
        if (all == null) {
            all = builtins();
        }
        Object value = all.get(name);
        if (value instanceof NodeFactory<?>) {
            value = all.compute(name, (n, v) -> v instanceof NodeFactory<?> factory ? createBuiltin(factory) : v);
        }
        return value;
    }

    /** Built-in name -> its function once made, its factory until then; constants -> their values. Once per language, from the generated factory lists. */
    private synchronized Map<String, Object> builtins() {
        if (builtins == null) {
            Map<String, Object> all = new ConcurrentHashMap<>();
            for (BuiltinProvider provider : ServiceLoader.load(BuiltinProvider.class, TineLanguage.class.getClassLoader())) {
                providers.add(provider);
                for (NodeFactory<? extends BuiltinNode> factory : provider.factories()) {
                    all.put(spec(factory).name(), factory);
                }
                all.putAll(provider.constants());
            }
            builtins = all;
        }
        return builtins;
    }

    private static Builtin spec(NodeFactory<?> factory) {
        Builtin spec = factory.getNodeClass().getAnnotation(Builtin.class);
        if (spec == null) {
            throw new IllegalStateException("built-in without @Builtin: " + factory.getNodeClass());
        }
        return spec;
    }

    private TineFunction createBuiltin(NodeFactory<?> factory) {
        Builtin spec = spec(factory);
        TineExpressionNode[] args;
        int min;
        int max;
        if (spec.variadic()) {
            args = new TineExpressionNode[]{new ReadAllArgumentsNode()};
            min = 0;
            max = -1;
        } else {
            max = factory.getExecutionSignature().size();
            min = spec.minArgs() < 0 ? max : spec.minArgs();
            args = new TineExpressionNode[max];
            for (int i = 0; i < max; i++) {
                args[i] = new ReadArgumentNode(i);
            }
        }
        BuiltinNode node = (BuiltinNode) factory.createNode((Object) args);
        BuiltinRootNode root = new BuiltinRootNode(this, spec, node);
        return new TineFunction(spec.name(), root.getCallTarget(), min, max, null);
    }

    /** map, filter and sort call back into script code, so they are written in Tine. */
    @TruffleBoundary
    public synchronized SourceUnit preludeUnit() {
        if (prelude == null) {
            try (var in = TineLanguage.class.getResourceAsStream("prelude.tine")) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Source source = Source.newBuilder(ID, text, "<prelude>").internal(true).build();
                prelude = TineTranslator.translateUnit(this, source);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return prelude;
    }

    public static List<String> keywords() {
        return new ArrayList<>(List.of("let", "fn", "return", "if", "else", "while", "for", "in", "break", "continue",
                        "try", "catch", "finally", "throw", "and", "or", "not", "true", "false", "null"));
    }
}
