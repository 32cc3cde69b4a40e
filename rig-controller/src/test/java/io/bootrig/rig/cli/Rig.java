package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the rig CLI in-process and captures its exit code and output. */
record Rig(int exit, String out, String err) {
    static Rig run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RigCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Rig(code, out.toString(), err.toString());
    }

    /** Runs against the given installation and environment (inventory, state and lease directories). */
    static Rig runIn(RigHome home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RigCli.run(args, home, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Rig(code, out.toString(), err.toString());
    }

    static Path root() {
        return TestEnvironment.root();
    }

    static String vector(String rel) {
        return root().resolve("fixtures/wolfboot").resolve(rel).toString();
    }

    static String config(String name) {
        return root().resolve("board-configs/wolfboot").resolve(name).toString();
    }
}
