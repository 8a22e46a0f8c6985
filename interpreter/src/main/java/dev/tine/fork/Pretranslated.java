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

import dev.tine.TineContext;
import dev.tine.TineLanguage;
import dev.tine.posix.PosixException;
import dev.tine.runtime.ScriptSignals;
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

    /**
     * The call target of the parent's last snapshot, or of a sources list where the snapshot was
     * too big to send (SnapshotCodec.writeSources): it translates the sources here and now, and
     * when called decodes the snapshot without using it, so that a handover's decoding runs code
     * that has run before (~4 of a spare's ~10 ms from fork() to the resumed child, bench/forklat.tine).
     */
    @TruffleBoundary
    public static CallTarget parse(TineLanguage language, byte[] bytes) {
        boolean snapshot = SnapshotCodec.isSnapshot(bytes);
        List<Source> list;
        try {
            list = snapshot ? SnapshotCodec.sourcesOf(bytes) : SnapshotCodec.readSources(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Tine snapshot or list of sources: " + e.getMessage());
        }
        Map<Source, SourceUnit> units = UNITS.computeIfAbsent(language, l -> new ConcurrentHashMap<>());
        for (Source source : list) {
            units.put(source, TineTranslator.translateUnit(language, source));
        }
        return new RootNode(language) {
            @Override
            public Object execute(VirtualFrame frame) {
                if (snapshot) {
                    decodeAhead(TineContext.get(this), bytes, units);
                }
                return 0L;
            }
        }.getCallTarget();
    }

    /** The handover's steps that leave the spare as it was: the decoding, its cwd set again, its (no) signal handlers put in force. */
    @TruffleBoundary
    private static void decodeAhead(TineContext context, byte[] snapshot, Map<Source, SourceUnit> units) {
        try {
            SnapshotCodec.decode(snapshot, context, units::get); // parse translated them all, and they stay for the handover
            context.followCwd();
            ScriptSignals.restore(context);
        } catch (IOException | PosixException e) {
            // the handover's own steps report it
        }
    }

    /** The unit of this source: translated ahead, or now. */
    static SourceUnit take(TineLanguage language, Source source) {
        Map<Source, SourceUnit> units = UNITS.get(language);
        SourceUnit unit = units == null ? null : units.remove(source);
        return unit != null ? unit : TineTranslator.translateUnit(language, source);
    }
}
