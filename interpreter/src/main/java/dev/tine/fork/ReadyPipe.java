package dev.tine.fork;

import com.oracle.truffle.api.nodes.Node;

import dev.tine.posix.Blocking;
import dev.tine.posix.Posix;
import dev.tine.posix.PosixException;

/**
 * How a fork() child tells its parent it has resumed (its state and signal handlers are back):
 * one byte on a pipe. The parent owns both ends until the child is spawned with the write end;
 * then it waits for the byte, or for end of file when the child died first. fork() returns only
 * then, so a signal sent right after fork() meets the child as it would meet a POSIX child.
 */
final class ReadyPipe implements AutoCloseable {
    private final Posix posix;
    private int readEnd;
    private int writeEnd;

    ReadyPipe(Posix posix) throws PosixException {
        this.posix = posix;
        int[] fds = posix.pipeCloexec();
        readEnd = fds[0];
        writeEnd = fds[1];
    }

    /** The fd the child inherits (at the same number) and writes to. */
    int childEnd() {
        return writeEnd;
    }

    /** Once the child holds its own copy of the write end. */
    void closeChildEnd() throws PosixException {
        int fd = writeEnd;
        writeEnd = -1;
        posix.close(fd);
    }

    /** Until the child is ready (true) or ended before it was (false: end of file, no byte). */
    boolean awaitChild(Node node) throws PosixException {
        Blocking.awaitReadable(node, readEnd);
        return posix.read(readEnd, new byte[1], 1) == 1;
    }

    @Override
    public void close() {
        posix.closeQuietly(readEnd);
        posix.closeQuietly(writeEnd);
        readEnd = writeEnd = -1;
    }

    /** In the child, once resumed: the byte the parent waits for. */
    static void tellParent(Posix posix, int fd) {
        try {
            posix.write(fd, new byte[]{1}, 0, 1);
        } catch (PosixException e) {
            // the parent is gone (EPIPE): nobody waits for this child
        } finally {
            posix.closeQuietly(fd);
        }
    }
}
