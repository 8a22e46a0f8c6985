package dev.tine.fork;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;

import dev.tine.TineLanguage;
import dev.tine.translator.SourceUnit;
import dev.tine.translator.TineTranslator;

/**
 * The script's sources, translated by a spare ahead of its handover: the parent sends those of
 * its last snapshot (most likely those of the next one too), the spare evaluates them as a source
 * of this MIME type, and the snapshot's decoding takes each unit it finds here instead of
 * translating the source again. Each unit serves once, as a unit decoded from a snapshot does.
 */
public final class Pretranslated {
    public static final String MIME_TYPE = "application/x-tine-fork-sources";

    private static final Map<TineLanguage, Map<Source, SourceUnit>> UNITS = Collections.synchronizedMap(new WeakHashMap<>());

    private Pretranslated() {
    }

    /** The call target of a sources list (SnapshotCodec.writeSources): it translates them here and now, and does nothing when called. */
    @TruffleBoundary
    public static CallTarget parse(TineLanguage language, byte[] sources) {
        List<Source> list;
        try {
            list = SnapshotCodec.readSources(new DataInputStream(new ByteArrayInputStream(sources)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a list of Tine sources: " + e.getMessage());
        }
        Map<Source, SourceUnit> units = UNITS.computeIfAbsent(language, l -> new ConcurrentHashMap<>());
        for (Source source : list) {
            units.put(source, TineTranslator.translateUnit(language, source));
        }
        return new RootNode(language) {
            @Override
            public Object execute(VirtualFrame frame) {
                return 0L;
            }
        }.getCallTarget();
    }

    /** The unit of this source: translated ahead, or now. */
    static SourceUnit take(TineLanguage language, Source source) {
        Map<Source, SourceUnit> units = UNITS.get(language);
        SourceUnit unit = units == null ? null : units.remove(source);
        return unit != null ? unit : TineTranslator.translateUnit(language, source);
    }
}
