package dev.tine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeChildren;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.nodes.Node;

import dev.tine.nodes.TineNode;
import dev.tine.stdlib.CoreBuiltins;

/**
 * Every Tine node class with children says how a fork child re-enters it ({@link Resumes}).
 * A new node that forgets fails here instead of resuming wrongly in some child one day.
 */
class ResumeContractTest {
    @Test
    void everyNodeWithChildrenDeclaresHowItResumes() throws Exception {
        List<Class<?>> nodes = new ArrayList<>();
        for (Class<?> anchor : new Class<?>[]{TineNode.class, CoreBuiltins.class}) {
            for (String name : classNames(anchor)) {
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (TineNode.class.isAssignableFrom(c) && !InstrumentableNode.WrapperNode.class.isAssignableFrom(c) && hasChildren(c)) {
                    nodes.add(c);
                }
            }
        }
        assertTrue(nodes.size() > 20, "found only " + nodes);
        List<String> undeclared = nodes.stream().filter(c -> c.getAnnotation(Resumes.class) == null).map(Class::getName).toList();
        assertEquals(List.of(), undeclared, "node classes with children but no @Resumes");
    }

    private static boolean hasChildren(Class<?> c) {
        for (Class<?> k = c; k != null && k != Node.class; k = k.getSuperclass()) {
            if (k.isAnnotationPresent(NodeChild.class) || k.isAnnotationPresent(NodeChildren.class)) {
                return true;
            }
            for (Field f : k.getDeclaredFields()) {
                if (f.isAnnotationPresent(Node.Child.class) || f.isAnnotationPresent(Node.Children.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The classes of the jar or directory that holds {@code anchor}. */
    private static List<String> classNames(Class<?> anchor) throws IOException, URISyntaxException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(root)) {
            return list(root);
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return list(jar.getPath("/"));
        }
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).filter(s -> s.startsWith("dev/tine/") && s.endsWith(".class"))
                            .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.')).toList();
        }
    }
}
