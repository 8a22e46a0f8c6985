package dev.tine.fork;

import static dev.tine.fork.SnapshotWriter.BIG;
import static dev.tine.fork.SnapshotWriter.BUILTIN;
import static dev.tine.fork.SnapshotWriter.CELL;
import static dev.tine.fork.SnapshotWriter.DOUBLE;
import static dev.tine.fork.SnapshotWriter.FALSE;
import static dev.tine.fork.SnapshotWriter.FUNCTION;
import static dev.tine.fork.SnapshotWriter.HOST;
import static dev.tine.fork.SnapshotWriter.JAVA_NULL;
import static dev.tine.fork.SnapshotWriter.LIST;
import static dev.tine.fork.SnapshotWriter.LONG;
import static dev.tine.fork.SnapshotWriter.MAP;
import static dev.tine.fork.SnapshotWriter.NULL;
import static dev.tine.fork.SnapshotWriter.PRELUDE_UNIT;
import static dev.tine.fork.SnapshotWriter.REF;
import static dev.tine.fork.SnapshotWriter.STRING;
import static dev.tine.fork.SnapshotWriter.TRUE;

import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.tine.TineContext;
import dev.tine.nodes.FunctionRootNode;
import dev.tine.runtime.Cell;
import dev.tine.runtime.TineFunction;
import dev.tine.runtime.TineList;
import dev.tine.runtime.TineMap;
import dev.tine.runtime.TineNull;
import dev.tine.translator.SourceUnit;

/** Rebuilds what {@link SnapshotWriter} wrote, against this runtime's translation of the same sources. */
final class SnapshotReader {
    final DataInputStream in;
    private final List<Object> objects = new ArrayList<>();
    private final List<SourceUnit> units;
    private final SourceUnit prelude;
    private final TineContext context;

    SnapshotReader(DataInputStream in, List<SourceUnit> units, SourceUnit prelude, TineContext context) {
        this.in = in;
        this.units = units;
        this.prelude = prelude;
        this.context = context;
    }

    FunctionRootNode root() throws IOException {
        int unit = in.readInt();
        int index = in.readInt();
        return (unit == PRELUDE_UNIT ? prelude : units.get(unit)).roots.get(index);
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
                return new BigInteger(mag);
            case DOUBLE:
                return in.readDouble();
            case STRING:
                return string();
            case REF:
                return objects.get(in.readInt());
            case BUILTIN:
                return context.builtin(string());
            case LIST: {
                TineList list = new TineList();
                objects.add(list);
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    list.add(value());
                }
                return list;
            }
            case MAP: {
                TineMap map = new TineMap();
                objects.add(map);
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
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
                FunctionRootNode root = root();
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
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
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
