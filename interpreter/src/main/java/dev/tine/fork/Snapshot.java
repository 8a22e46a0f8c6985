package dev.tine.fork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.TineContext;
import dev.tine.runtime.GlobalCell;
import dev.tine.runtime.ProcessState;
import dev.tine.runtime.StdinLines;

/**
 * The whole state of a script at a fork() call: what the child is started with (the launch
 * policy, the script's arguments), the process state it owns (fds, environment, cwd, signal
 * handlers), its globals, the active calls (in a signal handler, on top of the code it
 * interrupted, unless that code cannot be gone back to: mustEndInHandler), and what read_line()
 * had read ahead. The sources travel with it ({@link SnapshotCodec}), so the child translates
 * the same trees.
 */
public record Snapshot(LaunchPolicy policy, List<String> arguments, ProcessState process, List<Global> globals,
                List<CapturedFrame> frames, boolean mustEndInHandler, StdinLines.ReadAhead stdinAhead) {

    public record Global(String name, Object value) {
    }

    @TruffleBoundary
    static Snapshot capture(TineContext context, Node caller) {
        FrameCapture.Captured captured = FrameCapture.capture(caller);
        List<Global> globals = new ArrayList<>();
        for (GlobalCell g : context.globals().values()) {
            Object value = g.read();
            if (value != null) {
                globals.add(new Global(g.name, value));
            }
        }
        return new Snapshot(LaunchPolicy.of(context), Arrays.asList(context.arguments), context.process, globals, captured.frames(),
                        captured.mustEndInHandler(), context.stdinReadAhead());
    }

    /** In the child, before it resumes: the parent's globals, process state, arguments and stdin read-ahead. */
    @TruffleBoundary
    void applyTo(TineContext context) {
        context.process.replaceWith(process);
        context.followCwd(); // a spare started in another directory than the parent's now
        for (Global g : globals) {
            GlobalCell cell = context.globalCell(g.name());
            cell.set(g.value());
        }
        context.arguments = arguments.toArray(String[]::new);
        if (stdinAhead.bytes().length > 0 || stdinAhead.skipNewline()) {
            context.stdin().unread(stdinAhead);
        }
    }
}
