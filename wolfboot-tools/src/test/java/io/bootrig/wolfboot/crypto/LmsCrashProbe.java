package io.bootrig.wolfboot.crypto;

import java.nio.file.Path;

/** Run in a child JVM: signs once with an LMS key file and halts the JVM abruptly at the named step. */
public final class LmsCrashProbe {
    public static void main(String[] args) throws Exception {
        String haltAt = args[1];
        LmsSigningKey key = LmsSigningKey.open(Path.of(args[0]), step -> {
            if (step.equals(haltAt)) {
                Runtime.getRuntime().halt(42);
            }
        });
        key.sign(new byte[32]);
        System.exit(0);
    }
}
