package dev.tine.fork;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.tine.runtime.BigNumber;
import dev.tine.TineContext;
import dev.tine.nodes.FunctionRootNode;
import dev.tine.nodes.TineRootNode;
import dev.tine.nodes.control.PendingCompletion;
import dev.tine.runtime.Foreign;
import dev.tine.runtime.Cell;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.StdinLines;
import dev.tine.runtime.TineFunction;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.translator.SourceUnit;

/**
 * A {@link Snapshot} as bytes and back, one field after the other in the same order both ways:
 * a header (magic, version, launch policy) that the child reads before it has a context, the
 * sources, then the state. Objects keep their sharing and cycles: the first meeting of an
 * object writes it whole and gives it an id, later meetings write the id.
 */
public final class SnapshotCodec {
    private static final int MAGIC = 0x54494e45; // "TINE"
    private static final int VERSION = 2;
    private static final int JAVA_NULL = 0, NULL = 1, TRUE = 2, FALSE = 3, LONG = 4, BIG = 5, DOUBLE = 6, STRING = 7, LIST = 8,
                    MAP = 9, CELL = 10, FUNCTION = 11, BUILTIN = 12, REF = 13, HOST = 14, PENDING = 15;
    /** The unit index that names the prelude, which every runtime translates itself. */
    private static final int PRELUDE_UNIT = -1;
    /** The unit index of a built-in's call target, named by the built-in's name. */
    private static final int BUILTIN_UNIT = -2;

    private SnapshotCodec() {
    }

    @TruffleBoundary
    static byte[] encode(Snapshot s, TineContext context) throws IOException {
        Encoder e = new Encoder(context);
        e.strings(s.arguments());
        ProcessState p = s.process();
        e.out.writeInt(p.scriptFds.size());
        for (int fd : p.scriptFds) {
            e.out.writeInt(fd);
        }
        e.out.writeInt(p.environment().size());
        for (Map.Entry<String, String> kv : p.environment().entrySet()) {
            e.string(kv.getKey());
            e.string(kv.getValue());
        }
        e.string(p.cwd);
        e.out.writeInt(p.signalHandlers.size());
        for (Map.Entry<Integer, Object> h : p.signalHandlers.entrySet()) {
            e.out.writeInt(h.getKey());
            e.value(h.getValue());
        }
        e.out.writeInt(s.globals().size());
        for (Snapshot.Global g : s.globals()) {
            e.string(g.name());
            e.value(g.value());
        }
        e.out.writeInt(s.frames().size());
        for (CapturedFrame f : s.frames()) {
            e.root(f.root());
            e.values(f.arguments());
            e.values(f.slots());
            e.out.writeInt(f.position());
        }
        e.out.writeBoolean(s.mustEndInHandler());
        e.out.writeInt(s.stdinAhead().bytes().length);
        e.out.write(s.stdinAhead().bytes());
        e.out.writeBoolean(s.stdinAhead().skipNewline());
        e.out.flush();

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(whole);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        s.policy().write(out);
        writeSources(out, e.units.keySet().stream().map(u -> u.source).toList()); // those the state refers to, found while writing it
        e.bytes.writeTo(out);
        out.flush();
        return whole.toByteArray();
    }

    /** Whether these bytes begin as a snapshot does (not as a sources list). */
    static boolean isSnapshot(byte[] data) {
        return data.length >= 8 && ByteBuffer.wrap(data).getInt() == MAGIC;
    }

    /** The header alone: what the child needs to build its context. */
    static LaunchPolicy policy(byte[] data) throws IOException {
        return LaunchPolicy.read(header(new DataInputStream(new ByteArrayInputStream(data))));
    }

    private static DataInputStream header(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a Tine fork snapshot of this version");
        }
        return in;
    }

    @TruffleBoundary
    static Snapshot decode(byte[] data, TineContext context) throws IOException {
        return decode(data, context, source -> Pretranslated.take(context.language, source));
    }

    /** The snapshot, with the trees of its sources from UNIT_OF. */
    static Snapshot decode(byte[] data, TineContext context, Function<Source, SourceUnit> unitOf) throws IOException {
        DataInputStream in = header(new DataInputStream(new ByteArrayInputStream(data)));
        LaunchPolicy policy = LaunchPolicy.read(in);
        List<SourceUnit> units = new ArrayList<>();
        for (Source source : readSources(in)) {
            units.add(unitOf.apply(source));
        }
        Decoder d = new Decoder(in, units, context);
        List<String> arguments = d.strings();
        ProcessState p = new ProcessState(Map.of(), null);
        p.scriptFds.clear();
        for (int i = in.readInt(); i > 0; i--) {
            p.scriptFds.add(in.readInt());
        }
        for (int i = in.readInt(); i > 0; i--) {
            String k = d.string();
            p.setenv(k, d.string());
        }
        p.cwd = d.string();
        for (int i = in.readInt(); i > 0; i--) {
            int sig = in.readInt();
            p.signalHandlers.put(sig, d.value());
        }
        List<Snapshot.Global> globals = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String name = d.string();
            globals.add(new Snapshot.Global(name, d.value()));
        }
        List<CapturedFrame> frames = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            TineRootNode root = d.root();
            Object[] args = d.values();
            Object[] slots = d.values();
            frames.add(new CapturedFrame(root, args, slots, in.readInt()));
        }
        boolean mustEndInHandler = in.readBoolean();
        byte[] stdinAhead = new byte[in.readInt()];
        in.readFully(stdinAhead);
        StdinLines.ReadAhead stdin = new StdinLines.ReadAhead(stdinAhead, in.readBoolean());
        return new Snapshot(policy, arguments, p, globals, frames, mustEndInHandler, stdin);
    }

    static void writeSources(DataOutputStream out, List<Source> sources) throws IOException {
        out.writeInt(sources.size());
        for (Source source : sources) {
            writeString(out, source.getName());
            writeString(out, source.getCharacters().toString());
            out.writeBoolean(source.isInternal());
        }
    }

    static List<Source> readSources(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Source> sources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            String text = readString(in);
            sources.add(Source.newBuilder("tine", text, name).internal(in.readBoolean()).build());
        }
        return sources;
    }

    /** The sources a snapshot carries, read from its header. */
    static List<Source> sourcesOf(byte[] snapshot) throws IOException {
        DataInputStream in = header(new DataInputStream(new ByteArrayInputStream(snapshot)));
        LaunchPolicy.read(in);
        return readSources(in);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static final class Encoder {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        final Map<SourceUnit, Integer> units = new LinkedHashMap<>();
        private final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>();
        private final TineContext context;
        private final SourceUnit prelude;

        Encoder(TineContext context) {
            this.context = context;
            this.prelude = context.language.preludeUnit();
        }

        void root(TineRootNode root) throws IOException {
            if (root instanceof FunctionRootNode f) {
                out.writeInt(f.getUnit() == prelude ? PRELUDE_UNIT : units.computeIfAbsent(f.getUnit(), u -> units.size()));
                out.writeInt(f.getIndexInUnit());
            } else {
                out.writeInt(BUILTIN_UNIT);
                string(root.getName());
            }
        }

        void values(Object[] values) throws IOException {
            out.writeInt(values.length);
            for (Object v : values) {
                value(v);
            }
        }

        void value(Object v) throws IOException {
            if (v == null) {
                out.writeByte(JAVA_NULL);
            } else if (v == TineNull.INSTANCE) {
                out.writeByte(NULL);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (v instanceof BigNumber b) {
                out.writeByte(BIG);
                byte[] mag = b.value.toByteArray();
                out.writeInt(mag.length);
                out.write(mag);
            } else if (v instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (v instanceof String s) {
                out.writeByte(STRING);
                string(s);
            } else if (v instanceof PendingCompletion p) {
                out.writeByte(PENDING);
                out.writeByte(p.kind().ordinal());
                value(p.value());
                FunctionRootNode home = p.origin() != null && p.origin().getRootNode() instanceof FunctionRootNode f && f.getUnit() != null ? f : null;
                int at = home == null ? -1 : NodeIndex.indexOf(home, p.origin());
                out.writeBoolean(at >= 0);
                if (at >= 0) { // where the error was raised, so that the child reports the same place
                    root(home);
                    out.writeInt(at);
                }
            } else if (Foreign.number(v) != null) {
                value(Foreign.number(v)); // a host BigInteger: the child gets the number, not a stand-in
            } else if (ids.containsKey(v)) {
                out.writeByte(REF);
                out.writeInt(ids.get(v));
            } else {
                object(v);
            }
        }

        private void object(Object v) throws IOException {
            if (v instanceof TineFunction fn && (fn.cells == null || context.builtin(fn.name) == fn)) {
                out.writeByte(BUILTIN);
                string(fn.name);
                return;
            }
            ids.put(v, ids.size());
            if (v instanceof TineList list) {
                out.writeByte(LIST);
                values(list.items.toArray());
            } else if (v instanceof TineMap map) {
                out.writeByte(MAP);
                out.writeInt(map.entries.size());
                for (Map.Entry<Object, Object> e : map.entries.entrySet()) {
                    value(e.getKey());
                    value(e.getValue());
                }
            } else if (v instanceof Cell cell) {
                out.writeByte(CELL);
                value(cell.value);
            } else if (v instanceof TineFunction fn) {
                out.writeByte(FUNCTION);
                root((FunctionRootNode) ((RootCallTarget) fn.target).getRootNode());
                out.writeInt(fn.cells.length);
                for (Cell c : fn.cells) {
                    value(c);
                }
            } else {
                out.writeByte(HOST);
                string(v instanceof ForkedHostObject h ? h.description : v.getClass().getSimpleName());
            }
        }

        void string(String s) throws IOException {
            writeString(out, s);
        }

        void strings(List<String> xs) throws IOException {
            out.writeInt(xs.size());
            for (String x : xs) {
                string(x);
            }
        }
    }

    private static final class Decoder {
        private final DataInputStream in;
        private final List<Object> objects = new ArrayList<>();
        private final List<SourceUnit> units;
        private final SourceUnit prelude;
        private final TineContext context;

        Decoder(DataInputStream in, List<SourceUnit> units, TineContext context) {
            this.in = in;
            this.units = units;
            this.prelude = context.language.preludeUnit();
            this.context = context;
        }

        TineRootNode root() throws IOException {
            int unit = in.readInt();
            if (unit == BUILTIN_UNIT) {
                String name = string();
                if (!(context.builtin(name) instanceof TineFunction fn) || !(fn.target instanceof RootCallTarget t)) {
                    throw new IOException("fork snapshot names an unknown built-in " + name);
                }
                return (TineRootNode) t.getRootNode();
            }
            int index = in.readInt();
            return (unit == PRELUDE_UNIT ? prelude : units.get(unit)).roots.get(index);
        }

        FunctionRootNode function() throws IOException {
            if (!(root() instanceof FunctionRootNode f)) {
                throw new IOException("corrupt fork snapshot (a closure of a built-in)");
            }
            return f;
        }

        Object[] values() throws IOException {
            Object[] values = new Object[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value();
            }
            return values;
        }

        Object value() throws IOException {
            int tag = in.readByte();
            switch (tag) {
                case JAVA_NULL:
                    return null;
                case NULL:
                    return TineNull.INSTANCE;
                case TRUE:
                    return true;
                case FALSE:
                    return false;
                case LONG:
                    return in.readLong();
                case BIG:
                    byte[] mag = new byte[in.readInt()];
                    in.readFully(mag);
                    return new BigNumber(new BigInteger(mag));
                case DOUBLE:
                    return in.readDouble();
                case STRING:
                    return string();
                case PENDING: {
                    PendingCompletion.Kind kind = PendingCompletion.Kind.values()[in.readByte()];
                    Object v = value();
                    Node origin = null;
                    if (in.readBoolean()) {
                        TineRootNode home = root();
                        home.getCallTarget(); // adopted, so the node knows its root
                        origin = NodeIndex.nodeAt(home, in.readInt());
                    }
                    return new PendingCompletion(kind, v, origin);
                }
                case REF:
                    return objects.get(in.readInt());
                case BUILTIN:
                    return context.builtin(string());
                case LIST: {
                    TineList list = new TineList();
                    objects.add(list);
                    for (int n = in.readInt(); n > 0; n--) {
                        list.add(value());
                    }
                    return list;
                }
                case MAP: {
                    TineMap map = new TineMap();
                    objects.add(map);
                    for (int n = in.readInt(); n > 0; n--) {
                        Object k = value();
                        map.put(k, value());
                    }
                    return map;
                }
                case CELL: {
                    Cell cell = new Cell(null);
                    objects.add(cell);
                    cell.value = value();
                    return cell;
                }
                case FUNCTION: {
                    int id = objects.size();
                    objects.add(null);
                    FunctionRootNode root = function();
                    Cell[] cells = new Cell[in.readInt()];
                    TineFunction fn = new TineFunction(root.getName(), root.getCallTarget(), root.arity(), root.arity(), cells);
                    objects.set(id, fn);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = (Cell) value();
                    }
                    return fn;
                }
                case HOST: {
                    ForkedHostObject host = new ForkedHostObject(string());
                    objects.add(host);
                    return host;
                }
                default:
                    throw new IOException("corrupt fork snapshot (tag " + tag + ")");
            }
        }

        String string() throws IOException {
            return readString(in);
        }

        List<String> strings() throws IOException {
            int n = in.readInt();
            List<String> xs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                xs.add(string());
            }
            return xs;
        }
    }
}
