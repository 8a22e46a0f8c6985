package dev.tine.embed;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.IOAccess;

/** A host application whose script execs: with tine.AllowExec=true, exec replaces the whole process. */
public final class ExecHost {
    private ExecHost() {
    }

    public static void main(String[] args) {
        try (Context context = Context.newBuilder("tine").allowCreateProcess(true).allowNativeAccess(true).allowIO(IOAccess.ALL)
                        .option("tine.AllowExec", "true").option("engine.WarnInterpreterOnly", "false").build()) {
            context.eval("tine", "print(\"before\")\nexec(\"/bin/echo\", [\"echo\", \"replaced\"])");
        }
        System.out.println("the host went on");
    }
}
