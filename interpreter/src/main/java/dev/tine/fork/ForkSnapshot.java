package dev.tine.fork;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.tine.TineContext;
import dev.tine.runtime.Errors;
import dev.tine.runtime.GlobalCell;
import dev.tine.runtime.ProcessState;
import dev.tine.translator.SourceUnit;
import dev.tine.translator.TineTranslator;

/**
 * The whole state of a script at a fork() call, as one versioned byte string: the sources, the
 * script arguments, the process state, the globals, and the captured frames with everything
 * they reach (lists, maps, closures and their cells, sharing and cycles kept).
 */
public final class ForkSnapshot {
    private static final int MAGIC = 0x54494e45; // "TINE"
    private static final int VERSION = 1;

    private ForkSnapshot() {
    }

    @TruffleBoundary
    public static byte[] capture(TineContext context, Node builtin) {
        List<CapturedFrame> frames = FrameCapture.capture(builtin);
        SnapshotWriter w = new SnapshotWriter(context, context.language.preludeUnit());
        try {
            w.strings(Arrays.asList(context.env.getApplicationArguments()));
            ProcessState p = context.process;
            w.out.writeInt(p.scriptFds.size());
            for (int fd : p.scriptFds) {
                w.out.writeInt(fd);
            }
            w.out.writeInt(p.environment.size());
            for (Map.Entry<String, String> e : p.environment.entrySet()) {
                w.string(e.getKey());
                w.string(e.getValue());
            }
            w.string(p.cwd);
            w.out.writeInt(p.signalHandlers.size());
            for (Map.Entry<Integer, Object> e : p.signalHandlers.entrySet()) {
                w.out.writeInt(e.getKey());
                w.value(e.getValue());
            }
            List<GlobalCell> globals = context.globals().values().stream().filter(g -> g.defined).toList();
            w.out.writeInt(globals.size());
            for (GlobalCell g : globals) {
                w.string(g.name);
                w.value(g.value);
            }
            w.out.writeInt(frames.size());
            for (CapturedFrame f : frames) {
                w.root(f.root());
                w.values(f.arguments());
                w.values(f.slots());
                w.out.writeInt(f.callNodeIndex());
            }
            w.out.flush();
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(whole);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(w.units.size());
            for (SourceUnit unit : w.units.keySet()) {
                Source s = unit.source;
                SnapshotWriter.writeString(out, s.getName());
                SnapshotWriter.writeString(out, s.getCharacters().toString());
                out.writeBoolean(s.isInternal());
            }
            w.bytes.writeTo(out);
            out.flush();
            return whole.toByteArray();
        } catch (IOException e) {
            throw Errors.error("ProcessError", "fork(): cannot write the snapshot: " + e.getMessage(), builtin);
        }
    }

    /** What a fork child needs to go on: the script arguments and the state to re-enter. */
    public record Restored(List<String> arguments, ResumeState resume) {
    }

    /** Rebuilds the snapshot in this (fresh) context: globals and process state now, frames when resumed. */
    @TruffleBoundary
    public static Restored restore(TineContext context, byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a Tine fork snapshot of this version");
        }
        int unitCount = in.readInt();
        List<SourceUnit> units = new ArrayList<>(unitCount);
        SnapshotReader header = new SnapshotReader(in, List.of(), null, context);
        for (int i = 0; i < unitCount; i++) {
            String name = header.string();
            String text = header.string();
            boolean internal = in.readBoolean();
            Source source = Source.newBuilder("tine", text, name).internal(internal).build();
            units.add(TineTranslator.translateUnit(context.language, source));
        }
        SnapshotReader r = new SnapshotReader(in, units, context.language.preludeUnit(), context);
        List<String> arguments = r.strings();
        ProcessState p = context.process;
        p.scriptFds.clear();
        for (int i = in.readInt(); i > 0; i--) {
            p.scriptFds.add(in.readInt());
        }
        p.environment.clear();
        for (int i = in.readInt(); i > 0; i--) {
            String k = r.string();
            p.environment.put(k, r.string());
        }
        p.cwd = r.string();
        p.signalHandlers.clear();
        for (int i = in.readInt(); i > 0; i--) {
            int sig = in.readInt();
            p.signalHandlers.put(sig, r.value());
        }
        for (int i = in.readInt(); i > 0; i--) {
            GlobalCell g = context.globalCell(r.string());
            g.value = r.value();
            g.defined = true;
        }
        List<ResumeState.Frame> frames = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            var root = r.root();
            Object[] args = r.values();
            Object[] slots = r.values();
            frames.add(ResumeState.frame(root, args, slots, in.readInt()));
        }
        return new Restored(arguments, new ResumeState(frames));
    }
}
