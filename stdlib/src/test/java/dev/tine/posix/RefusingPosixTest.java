package dev.tine.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.tine.runtime.TineException;

/** A context without process rights gets a backend that touches nothing of the OS. */
class RefusingPosixTest {
    @Test
    void everyCallThatWouldTouchTheOsIsASecurityError() {
        Posix posix = Posix.forContext(false);
        for (org.junit.jupiter.api.function.Executable call : new org.junit.jupiter.api.function.Executable[]{
                        posix::pipe, () -> posix.kill(1, 9), () -> posix.open("/etc/passwd", Posix.O_RDONLY, 0), posix::openFds,
                        () -> posix.chdir("/"), () -> posix.setSignalDisposition(10, Posix.SIG_IGN)}) {
            TineException e = assertThrows(TineException.class, call);
            assertEquals("SecurityError", e.kind());
        }
        assertFalse(posix.catchSignal(10, sig -> { }));
        assertEquals(ProcessHandle.current().pid(), posix.getpid());
    }

    @Test
    void aContextWithRightsGetsTheNativeBackend() throws Exception {
        Posix posix = Posix.forContext(true);
        assertSame(posix, Posix.forContext(true));
        int[] fds = posix.pipeCloexec();
        assertEquals(1, posix.write(fds[1], new byte[]{42}, 0, 1));
        byte[] b = new byte[1];
        assertEquals(1, posix.read(fds[0], b, 1));
        assertEquals(42, b[0]);
        posix.close(fds[0]);
        posix.close(fds[1]);
        PosixException e = assertThrows(PosixException.class, () -> posix.close(fds[0]));
        assertEquals("EBADF", e.errnoName);
        assertEquals(Posix.EBADF, e.errno);
    }
}
