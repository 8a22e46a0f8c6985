package dev.tine.fork;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tine.TineContext;
import dev.tine.nodes.FunctionRootNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineFunction;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.translator.SourceUnit;

/**
 * Serializes script values with their sharing and cycles: the first time an object is met it
 * gets an id and is written in full, later meetings write the id.
 */
final class SnapshotWriter {
    static final int JAVA_NULL = 0, NULL = 1, TRUE = 2, FALSE = 3, LONG = 4, BIG = 5, DOUBLE = 6, STRING = 7, LIST = 8,
                    MAP = 9, CELL = 10, FUNCTION = 11, BUILTIN = 12, REF = 13, HOST = 14;
    /** The unit index that names the prelude, which every runtime translates itself. */
    static final int PRELUDE_UNIT = -1;

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final DataOutputStream out = new DataOutputStream(bytes);
    private final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>();
    final Map<SourceUnit, Integer> units = new LinkedHashMap<>();
    private final TineContext context;
    private final SourceUnit prelude;

    SnapshotWriter(TineContext context, SourceUnit prelude) {
        this.context = context;
        this.prelude = prelude;
    }

    int unitIndex(SourceUnit unit) {
        return unit == prelude ? PRELUDE_UNIT : units.computeIfAbsent(unit, u -> units.size());
    }

    void root(FunctionRootNode root) throws IOException {
        out.writeInt(unitIndex(root.getUnit()));
        out.writeInt(root.getIndexInUnit());
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
        } else if (v instanceof BigInteger b) {
            out.writeByte(BIG);
            byte[] mag = b.toByteArray();
            out.writeInt(mag.length);
            out.write(mag);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            string(s);
        } else if (ids.containsKey(v)) {
            out.writeByte(REF);
            out.writeInt(ids.get(v));
        } else {
            object(v);
        }
    }

    private void object(Object v) throws IOException {
        if (v instanceof TineFunction f && f.cells == null || v instanceof TineFunction fn && context.builtin(fn.name) == fn) {
            out.writeByte(BUILTIN);
            string(((TineFunction) v).name);
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
            root((FunctionRootNode) ((com.oracle.truffle.api.RootCallTarget) fn.target).getRootNode());
            out.writeInt(fn.cells.length);
            for (Cell c : fn.cells) {
                value(c);
            }
        } else {
            out.writeByte(HOST);
            string(v instanceof ForkedHostObject h ? h.description : String.valueOf(v.getClass().getSimpleName()));
        }
    }

    void string(String s) throws IOException {
        writeString(out, s);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    void strings(List<String> xs) throws IOException {
        out.writeInt(xs.size());
        for (String x : xs) {
            string(x);
        }
    }
}
