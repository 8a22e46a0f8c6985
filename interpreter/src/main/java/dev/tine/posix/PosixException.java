package dev.tine.posix;

/** A failed OS call: the real errno, its name (ENOENT) and what was being done. Checked, so no caller forgets it. */
public final class PosixException extends Exception {
    private static final long serialVersionUID = 1L;

    public final int errno;
    public final String errnoName;

    public PosixException(int errno, String errnoName, String message) {
        super(message, null, false, false);
        this.errno = errno;
        this.errnoName = errnoName;
    }

    public PosixException(int errno, String message) {
        this(errno, Posix.errnoName(errno), message);
    }
}
