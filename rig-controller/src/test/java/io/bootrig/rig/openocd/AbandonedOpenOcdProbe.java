package io.bootrig.rig.openocd;

/** Run in a child JVM: starts OpenOCD, prints its pid, and exits without closing it. */
public final class AbandonedOpenOcdProbe {
    public static void main(String[] args) throws Exception {
        OpenOcd ocd = OpenOcd.start(DummyOpenOcd.settings());
        System.out.println("pid " + ocd.pid());
        System.out.flush();
        System.exit(0);
    }
}
