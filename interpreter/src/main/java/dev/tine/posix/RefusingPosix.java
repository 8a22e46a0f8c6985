package dev.tine.posix;

import java.util.TreeSet;
import java.util.function.IntConsumer;

import dev.tine.runtime.Errors;
import dev.tine.runtime.TineException;

/**
 * The backend of a context without process rights or native access: every call that would
 * touch the OS is a SecurityError. The process built-ins are refused before they run; this
 * makes sure nothing else reaches the OS either. Own pids are still known (getpid works).
 */
final class RefusingPosix implements Posix {
    static final RefusingPosix INSTANCE = new RefusingPosix();

    private RefusingPosix() {
    }

    private static TineException refused(String call) {
        return Errors.error("SecurityError", call + "() needs a context that allows creating processes and native access", null);
    }

    @Override
    public int getpid() {
        return (int) ProcessHandle.current().pid();
    }

    @Override
    public int getppid() {
        return ProcessHandle.current().parent().map(p -> (int) p.pid()).orElse(0);
    }

    @Override
    public int getpgrp() {
        throw refused("getpgrp");
    }

    @Override
    public int setsid() throws PosixException {
        throw refused("setsid");
    }

    @Override
    public void setpgid(int pid, int pgid) throws PosixException {
        throw refused("setpgid");
    }

    @Override
    public void kill(int pid, int sig) throws PosixException {
        throw refused("kill");
    }

    @Override
    public int[] waitpid(int pid, int options) throws PosixException {
        throw refused("waitpid");
    }

    @Override
    public int pidfdOpen(int pid) {
        return -1;
    }

    @Override
    public int spawn(SpawnSpec spec) throws PosixException {
        throw refused("spawn");
    }

    @Override
    public void execve(String path, String[] argv, String[] env) throws PosixException {
        throw refused("execve");
    }

    @Override
    public void exit(int status) {
        throw refused("exit");
    }

    @Override
    public int[] pipe() throws PosixException {
        throw refused("pipe");
    }

    @Override
    public int[] pipeCloexec() throws PosixException {
        throw refused("pipeCloexec");
    }

    @Override
    public int open(String path, int flags, int mode) throws PosixException {
        throw refused("open");
    }

    @Override
    public int read(int fd, byte[] buf, int len) throws PosixException {
        throw refused("read");
    }

    @Override
    public int write(int fd, byte[] buf, int off, int len) throws PosixException {
        throw refused("write");
    }

    @Override
    public int dup(int fd) throws PosixException {
        throw refused("dup");
    }

    @Override
    public int dup2(int oldFd, int newFd) throws PosixException {
        throw refused("dup2");
    }

    @Override
    public void close(int fd) throws PosixException {
        throw refused("close");
    }

    @Override
    public int getFdFlags(int fd) throws PosixException {
        throw refused("getFdFlags");
    }

    @Override
    public void setFdFlags(int fd, int flags) throws PosixException {
        throw refused("setFdFlags");
    }

    @Override
    public int getStatusFlags(int fd) throws PosixException {
        throw refused("getStatusFlags");
    }

    @Override
    public void setStatusFlags(int fd, int flags) throws PosixException {
        throw refused("setStatusFlags");
    }

    @Override
    public int poll(int[] fds, short[] events, short[] revents, int timeoutMillis) throws PosixException {
        throw refused("poll");
    }

    @Override
    public int eventfd() throws PosixException {
        throw refused("eventfd");
    }

    @Override
    public void chdir(String path) throws PosixException {
        throw refused("chdir");
    }

    @Override
    public String getcwd() throws PosixException {
        throw refused("getcwd");
    }

    @Override
    public boolean isExecutableFile(String path) {
        throw refused("isExecutableFile");
    }

    @Override
    public boolean exists(String path) {
        throw refused("exists");
    }

    @Override
    public int signalDisposition(int sig) throws PosixException {
        throw refused("signalDisposition");
    }

    @Override
    public byte[] setSignalDisposition(int sig, int disposition) throws PosixException {
        throw refused("setSignalDisposition");
    }

    @Override
    public void restoreSignalAction(int sig, byte[] saved) throws PosixException {
        throw refused("restoreSignalAction");
    }

    @Override
    public byte[] unblockAllSignals() throws PosixException {
        throw refused("unblockAllSignals");
    }

    @Override
    public void restoreSignalMask(byte[] saved) throws PosixException {
        throw refused("restoreSignalMask");
    }

    @Override
    public boolean canCatchSignals() {
        return false;
    }

    @Override
    public boolean catchSignal(int sig, IntConsumer onSignal) {
        return false;
    }

    @Override
    public void releaseSignal(int sig) {
    }

    @Override
    public void startSignalDelivery() {
    }

    @Override
    public TreeSet<Integer> openFds() throws PosixException {
        throw refused("openFds");
    }

    @Override
    public int[] socketPair() {
        throw refused("socketPair");
    }

    @Override
    public void sendWithFds(int socket, byte[] data, int[] fds) {
        throw refused("sendWithFds");
    }

    @Override
    public int[] receiveWithFds(int socket, byte[] buf, int[] fds) {
        throw refused("receiveWithFds");
    }

    @Override
    public int memfd(String name) {
        throw refused("memfd");
    }

    @Override
    public void rewind(int fd) {
        throw refused("rewind");
    }

    @Override
    public int[] peekEnd(int pid) {
        throw refused("waitid");
    }
}
