package dev.tine.fork;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

import dev.tine.launcher.ProcessContexts;
import dev.tine.launcher.ScriptRunner;
import dev.tine.posix.HeldFds;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * The main class of a fork spare ({@link Spare}): boots a context with its parent's launch
 * policy, says it is warm, and waits. Handed a snapshot, it becomes the fork() child: it joins
 * the parent's process group, enters its cwd, takes its signal dispositions, puts the script's
 * fds at their numbers (closing the /dev/null that held them), and resumes as
 * {@link ForkChildMain} does (a signal sent to the spare before that met its disposition). At end of file on its socket the parent is
 * gone, and so is the spare.
 */
public final class SpareMain {
    private SpareMain() {
    }

    public static void main(String[] args) {
        ProcessContexts.runAndExit(() -> {
            Posix posix = Posix.forContext(true); // this process's own main: the native backend
            byte[] buf = new byte[Spare.MAX_MESSAGE];
            int[] fds = new int[Spare.LAST_SCRIPT_FD];
            try {
                int[] got = posix.receiveWithFds(Spare.CONTROL_FD, buf, fds);
                if (got[0] == 0) {
                    return 0; // the parent is gone
                }
                ByteArrayInputStream start = new ByteArrayInputStream(buf, 0, got[0]);
                LaunchPolicy policy = LaunchPolicy.read(new DataInputStream(start));
                byte[] sources = start.readAllBytes();
                try (Context context = policy.newChildContext(Spare.READY_FD)) {
                    Set<Integer> ignored = ignoredSignals(posix);
                    warmUp(context, posix);
                    context.eval(Source.newBuilder("tine", ByteSequence.create(sources), "<sources>").mimeType(Pretranslated.MIME_TYPE).buildLiteral());
                    posix.write(Spare.CONTROL_FD, new byte[]{Spare.WARM}, 0, 1);
                    got = posix.receiveWithFds(Spare.CONTROL_FD, buf, fds);
                    if (got[0] == 0) {
                        return 0;
                    }
                    if (!takeOver(posix, new DataInputStream(new ByteArrayInputStream(buf, 0, got[0])), fds, got[1], ignored, HeldFds.forProcess(posix, policy.processMode()).holding())) {
                        posix.write(Spare.CONTROL_FD, new byte[]{Spare.CANNOT}, 0, 1);
                        return 0;
                    }
                    posix.write(Spare.CONTROL_FD, new byte[]{Spare.TAKEN}, 0, 1);
                    posix.close(Spare.CONTROL_FD);
                    return becomeTheChild(context, posix, fds[got[1] - 2]);
                }
            } catch (IOException | PosixException e) {
                return 0; // the parent went away mid-way: it starts a fresh child, nobody waits for this one
            }
        });
    }

    /** From here on this process is the fork() child, as a fresh one would be: its errors are the child's. */
    private static int becomeTheChild(Context context, Posix posix, int feed) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        byte[] snapshot;
        try {
            snapshot = ForkChildMain.readAll(feed);
        } catch (PosixException e) {
            err.println("error: fork() child: cannot read the parent's state: " + e.getMessage());
            return ScriptRunner.INTERNAL_ERROR;
        }
        return ForkChildMain.resume(context, snapshot, err);
    }

    /**
     * What a child does first, done once ahead so that the handover runs warm: the built-ins and
     * the prelude, the parser and translator, an evaluation that calls a function and built-ins
     * (a node class's first use reads its annotations: ~3 ms at a handover), and the native calls
     * of the handover (each bound to libc at its first call). It defines no global.
     */
    private static void warmUp(Context context, Posix posix) throws PosixException {
        int memfd = posix.memfd("tine-spare-warm-up");
        posix.write(memfd, new byte[]{1}, 0, 1);
        ForkChildMain.readAll(memfd);
        posix.setpgid(0, 0); // it leads its group already
        posix.chdir(".");
        posix.dup2(3, 4); // both hold /dev/null
        posix.startSignalDelivery(); // one thread takes them from now on: a signal sent to the spare meets its disposition
        context.eval("tine", "(fn (a) { let b = [a, 1.5, \"s\"]; for x in b { if x == a { a += 1 } }; return str(len(b) - a) + \"!\" })(1)");
        try { // a snapshot source, refused at its first byte: the path of a resume up to the decoding
            context.eval(Source.newBuilder("tine", ByteSequence.create(new byte[]{0}), "<warm-up>").mimeType(ResumeRootNode.MIME_TYPE).buildLiteral());
        } catch (PolyglotException e) {
            // as expected
        }
        context.parse(Source.create("tine", """
                        fn f(a, b) {
                            let m = {"k": [1, 2.5, "s", true, null]}
                            for x in m.k { if x == 1 and not (b < 0) or a { a += 1 } else { b -= 1 } }
                            while a > 10 { a = a / 2 }
                            try { throw "e" } catch e { return "${a}: ${e}" } finally { b = b * 2 }
                        }
                        print(f(1, 2))
                        """));
    }

    /** The signals ignored when the spare started (its parent ignored them then). */
    private static Set<Integer> ignoredSignals(Posix posix) throws PosixException {
        Set<Integer> ignored = new HashSet<>();
        for (int sig = 1; sig <= Posix.MAX_SIGNAL; sig++) {
            try {
                if (posix.signalDisposition(sig) == Posix.SIG_IGN) {
                    ignored.add(sig);
                }
            } catch (PosixException e) {
                // glibc's internal signals
            }
        }
        return ignored;
    }

    /**
     * The handover: the parent's process group, cwd and signal dispositions, then the fds. False
     * when this process cannot be the child (the parent is in another session now, its cwd is
     * gone): nothing of the script's is touched yet, and the parent starts a fresh child.
     */
    private static boolean takeOver(Posix posix, DataInputStream in, int[] received, int count, Set<Integer> ignored, boolean held) throws IOException, PosixException {
        int pgid = in.readInt();
        String cwd = in.readUTF();
        int[] defaults = new int[in.readInt()];
        for (int i = 0; i < defaults.length; i++) {
            defaults[i] = in.readInt();
        }
        int[] targets = new int[in.readInt()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = in.readInt();
        }
        if (count != targets.length + 2) {
            return false;
        }
        try {
            posix.setpgid(0, pgid);
            posix.chdir(cwd);
        } catch (PosixException e) {
            return false;
        }
        for (int sig : defaults) {
            if (ignored.contains(sig)) {
                posix.setSignalDisposition(sig, Posix.SIG_DFL); // ignored when the spare started, not now
            }
        }
        Set<Integer> placed = new HashSet<>();
        for (int i = 0; i < targets.length; i++) {
            posix.dup2(received[i], targets[i]);
            placed.add(targets[i]);
        }
        posix.dup2(received[count - 1], Spare.READY_FD);
        for (int i = 0; i < count; i++) {
            if (i != count - 2) { // the snapshot's memfd is read, then closed
                posix.close(received[i]);
            }
        }
        if (!held) { // the /dev/null between the placed fds goes; where the script's numbers are held, it stays (HeldFds)
            int from = 3;
            for (int fd : new TreeSet<>(placed)) {
                if (fd > from) {
                    posix.closeRange(from, fd - 1);
                }
                from = Math.max(from, fd + 1);
            }
            posix.closeRange(from, Spare.LAST_SCRIPT_FD);
        }
        return true;
    }
}
