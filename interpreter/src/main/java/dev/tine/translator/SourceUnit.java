package dev.tine.translator;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.source.Source;

import dev.tine.nodes.FunctionRootNode;

/**
 * One translated source and the function roots it produced, in translation order. Translating
 * the same text again yields the same order, which is how a fork child finds a parent's function.
 */
public final class SourceUnit {
    public final Source source;
    public final List<FunctionRootNode> roots = new ArrayList<>();

    SourceUnit(Source source) {
        this.source = source;
    }

    public FunctionRootNode main() {
        return roots.get(roots.size() - 1);
    }
}
