package dev.tine;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.graalvm.options.OptionType;

import com.oracle.truffle.api.Option;

/** Context options of the `tine` language. */
@Option.Group(TineLanguage.ID)
public final class TineOptions {
    private TineOptions() {
    }

    @Option(help = "Let exec() replace the host process in an embedded context.", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> AllowExec = new OptionKey<>(false);

    @Option(help = "Give exit() and exec() their process-level meaning (set by the tine command).", category = OptionCategory.INTERNAL, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> ProcessMode = new OptionKey<>(false);

    @Option(help = "The engine and tool options the tine command gave the context (name=value, NUL-separated), which a fork() child gets too.", category = OptionCategory.INTERNAL, stability = OptionStability.STABLE)
    public static final OptionKey<String> LaunchOptions = new OptionKey<>("");

    @Option(help = "How fork() makes its child: auto (a child that only sets up fds and execs is started with posix_spawn, "
                    + "any other is a full runtime: the spare started ahead, or a fresh one), spare (always a full runtime, "
                    + "the spare where it can be), or fresh (always a full runtime started for that child).", category = OptionCategory.EXPERT,
                    stability = OptionStability.STABLE)
    public static final OptionKey<String> ForkPath = new OptionKey<>("auto", new OptionType<>("auto|spare|fresh", s -> {
        if (!s.equals("auto") && !s.equals("spare") && !s.equals("fresh")) {
            throw new IllegalArgumentException("tine.ForkPath must be auto, spare or fresh, not " + s);
        }
        return s;
    }));

    @Option(help = "Print on stderr, for each fork(), how its child was made and why.", category = OptionCategory.EXPERT, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> TraceFork = new OptionKey<>(false);

    @Option(help = "In a fork() child: the fd on which to tell the parent it has resumed.", category = OptionCategory.INTERNAL, stability = OptionStability.STABLE)
    public static final OptionKey<Integer> ForkReadyFd = new OptionKey<>(-1);
}
