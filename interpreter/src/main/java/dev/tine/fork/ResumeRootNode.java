package dev.tine.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;

import dev.tine.TineContext;
import dev.tine.TineLanguage;

/**
 * The program of a fork child: rebuild the parent's state from the snapshot file (which it
 * deletes), then re-enter the outermost captured frame in resume mode.
 */
public final class ResumeRootNode extends RootNode {
    /** The MIME type of a source whose text is the path of a snapshot to resume. */
    public static final String MIME_TYPE = "application/x-tine-fork-snapshot";

    private final String snapshotPath;
    @Child private IndirectCallNode call = IndirectCallNode.create();

    public ResumeRootNode(TineLanguage language, String snapshotPath) {
        super(language);
        this.snapshotPath = snapshotPath;
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        ResumeState.Frame outermost = restore();
        return call.call(outermost.root().getCallTarget(), outermost.arguments());
    }

    @TruffleBoundary
    private ResumeState.Frame restore() {
        TineContext context = TineContext.get(this);
        try {
            Path path = Path.of(snapshotPath.strip());
            byte[] data = Files.readAllBytes(path);
            Files.deleteIfExists(path);
            ForkSnapshot.Restored restored = ForkSnapshot.restore(context, data);
            context.arguments = restored.arguments().toArray(String[]::new);
            context.language.restoredFromFork(context);
            ResumeState.current = restored.resume();
            return restored.resume().outermost();
        } catch (IOException e) {
            throw new IllegalStateException("fork child: cannot read its snapshot: " + e.getMessage(), e);
        }
    }
}
