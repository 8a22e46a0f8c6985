package dev.tine.fork;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.io.IOAccess;

import dev.tine.TineContext;
import dev.tine.TineOptions;

/**
 * The rights and options a context was made with, so that a fork() child gets exactly its
 * parent's: file IO, process creation, native access, exec, the tine command's process mode, and
 * the engine and tool options the tine command passed (--cpusampler ...). The JVM flags (--jit)
 * travel in the child's command line.
 */
public record LaunchPolicy(boolean fileIO, boolean createProcess, boolean nativeAccess, boolean allowExec, boolean processMode,
                Map<String, String> options) {

    static LaunchPolicy of(TineContext context) {
        var env = context.env;
        var o = env.getOptions();
        return new LaunchPolicy(env.isFileIOAllowed(), env.isCreateProcessAllowed(), env.isNativeAccessAllowed(), o.get(TineOptions.AllowExec),
                        o.get(TineOptions.ProcessMode), decodeOptions(o.get(TineOptions.LaunchOptions)));
    }

    /** The form ProcessContexts passes in the tine.LaunchOptions option. */
    public static String encodeOptions(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(k).append('=').append(v).append('\0'));
        return b.toString();
    }

    private static Map<String, String> decodeOptions(String encoded) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String kv : encoded.split("\0")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                options.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return options;
    }

    /** The fork child's context: the parent's policy, the process's own stdio, telling readyFd once resumed. */
    Context newChildContext(int readyFd) {
        return Context.newBuilder("tine")
                        .options(options)
                        .allowExperimentalOptions(true)
                        .in(new FileInputStream(FileDescriptor.in))
                        .out(new FileOutputStream(FileDescriptor.out))
                        .err(new FileOutputStream(FileDescriptor.err))
                        .allowIO(fileIO ? IOAccess.ALL : IOAccess.NONE)
                        .allowCreateProcess(createProcess)
                        .allowNativeAccess(nativeAccess)
                        .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                        .option("tine.AllowExec", String.valueOf(allowExec))
                        .option("tine.ProcessMode", String.valueOf(processMode))
                        .option("tine.LaunchOptions", encodeOptions(options))
                        .option("tine.ForkReadyFd", String.valueOf(readyFd))
                        .option("engine.WarnInterpreterOnly", "false")
                        .build();
    }

    void write(DataOutputStream out) throws IOException {
        for (boolean b : new boolean[]{fileIO, createProcess, nativeAccess, allowExec, processMode}) {
            out.writeBoolean(b);
        }
        out.writeUTF(encodeOptions(options));
    }

    static LaunchPolicy read(DataInputStream in) throws IOException {
        return new LaunchPolicy(in.readBoolean(), in.readBoolean(), in.readBoolean(), in.readBoolean(), in.readBoolean(), decodeOptions(in.readUTF()));
    }
}
