package io.bootrig.rig.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the rig CLI in-process and captures its exit code and output. */
record Rig(int exit, String out, String err) {
    static Rig run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RigCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Rig(code, out.toString(), err.toString());
    }

    static Path root() {
        String prop = System.getProperty("bootrig.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "fixtures"))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root");
    }

    static String vector(String rel) {
        return root().resolve("fixtures/wolfboot").resolve(rel).toString();
    }

    static String config(String name) {
        return root().resolve("board-configs/wolfboot").resolve(name).toString();
    }
}
