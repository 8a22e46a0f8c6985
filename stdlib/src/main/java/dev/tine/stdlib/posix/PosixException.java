package dev.tine.stdlib.posix;

/** A failed OS call: the real errno, its name (ENOENT) and what was being done. */
public final class PosixException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final int errno;
    public final String errnoName;

    public PosixException(int errno, String errnoName, String message) {
        super(message, null, false, false);
        this.errno = errno;
        this.errnoName = errnoName;
    }
}
