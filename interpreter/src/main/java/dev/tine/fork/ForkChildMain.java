package dev.tine.fork;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

import dev.tine.launcher.ProcessContexts;
import dev.tine.launcher.ScriptRunner;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * The main class of a fork child: `ForkChildMain SNAPSHOT_FD READY_FD`. Reads the snapshot from
 * its memfd, builds a context with the parent's launch policy, and resumes the parent's script
 * in it ({@link ResumeRootNode}); exits with the script's status.
 */
public final class ForkChildMain {
    private ForkChildMain() {
    }

    public static void main(String[] args) {
        // Signals sent to the child meanwhile wait until it has resumed (ChildSignals).
        ProcessContexts.runAndExit(() -> {
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            byte[] snapshot;
            LaunchPolicy policy;
            try {
                snapshot = readAll(Integer.parseInt(args[0]));
                policy = SnapshotCodec.policy(snapshot);
            } catch (IOException | PosixException e) {
                // the parent died before it sent everything: there is nothing to resume
                err.println("error: fork() child: cannot read the parent's state: " + e.getMessage());
                return ScriptRunner.INTERNAL_ERROR;
            }
            try (Context context = policy.newChildContext(Integer.parseInt(args[1]))) {
                return resume(context, snapshot, err);
            }
        });
    }

    /** Evaluates the snapshot: the parent's script goes on here; returns its exit status. */
    static int resume(Context context, byte[] snapshot, PrintStream err) {
        Source resume = Source.newBuilder("tine", ByteSequence.create(snapshot), "<fork>").mimeType(ResumeRootNode.MIME_TYPE).buildLiteral();
        return ScriptRunner.eval(context, resume, err).status();
    }

    /** The whole memfd the parent wrote, which is closed then. */
    static byte[] readAll(int fd) throws PosixException {
        Posix posix = Posix.forContext(true); // this process's own main: the native backend
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        try {
            posix.rewind(fd); // the parent wrote it: the offset it shares with us is at the end
            for (int n; (n = posix.read(fd, buf, buf.length)) > 0;) {
                all.write(buf, 0, n);
            }
        } finally {
            posix.close(fd);
        }
        return all.toByteArray();
    }
}
