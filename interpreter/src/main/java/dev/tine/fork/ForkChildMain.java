package dev.tine.fork;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;

import dev.tine.launcher.ProcessContexts;
import dev.tine.launcher.ScriptRunner;

/** The main class of a fork child: `ForkChildMain SNAPSHOT_FILE`. Resumes the parent's script and exits. */
public final class ForkChildMain {
    private ForkChildMain() {
    }

    public static void main(String[] args) {
        ProcessContexts.runAndExit(() -> {
            PrintStream err = new PrintStream(new java.io.FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            try (Context context = ProcessContexts.newContext(new FileInputStream(FileDescriptor.in), new String[0])) {
                Source resume = Source.newBuilder("tine", args[0], "<fork>").mimeType(ResumeRootNode.MIME_TYPE).buildLiteral();
                return ScriptRunner.eval(context, resume, err).status();
            }
        });
    }
}
