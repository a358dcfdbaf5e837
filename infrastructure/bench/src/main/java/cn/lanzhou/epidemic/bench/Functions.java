package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The functions of template.yaml the bench measures: every one with a probe in {@link Probes}. */
final class Functions {
    /** A function: its logical id, its name in the results (the deployment jar's), its jar, memory and probe. */
    record Function(String id, String name, Path jar, int memoryMb, boolean snapStart, Probes.Probe probe) {
        boolean postsOverHttp() {
            return "POST".equals(probe.method());
        }
    }

    private Functions() {
    }

    /** Every function of the template that has a probe ({@code only}: of these names, when not null); the others are named on stderr. */
    static List<Function> of(LocalStack stack, Path root, List<String> only) {
        List<Function> functions = new ArrayList<>();
        for (Template.Function f : stack.template().functions()) {
            Path jar = root.resolve(f.codeUri());
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            if (only != null && !only.contains(name) && !only.contains(f.id())) {
                continue;
            }
            Probes.of(f.id()).ifPresentOrElse(
                    probe -> functions.add(new Function(f.id(), name, jar, f.memorySizeMb(), f.snapStart(), probe)),
                    () -> System.err.println("[bench] " + f.id() + " has no probe in Probes: not measured"));
        }
        return functions;
    }
}
